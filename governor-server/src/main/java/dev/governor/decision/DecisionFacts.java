package dev.governor.decision;

import dev.governor.agent.AgentService;
import dev.governor.approval.ApprovalUses;
import dev.governor.asset.AssetService;
import dev.governor.breakglass.ExceptionService;
import dev.governor.budget.BudgetLedger;
import dev.governor.freeze.FreezeService;
import dev.governor.agent.AgentGrants;
import dev.governor.freeze.HaltService;
import dev.governor.freeze.ScopedHaltService;
import dev.governor.identity.AgentCredential;
import dev.governor.identity.Caller;
import dev.governor.inputs.ObservedInputs;
import dev.governor.policy.EvaluationInput;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Gathers everything the policy looks at for one action, at one instant: the agent as
 * registered, every freeze in force (which ones cover the action's environment, aliases
 * included, is the policy's call), the inputs, the agent's running budget totals and pending
 * approvals, the global halt if one is in force, the registered assets matching the target, the
 * approval or plan step the request names, the agent's and the session's earlier steps, and the
 * recent history of the inputs' metrics, and the break-glass exceptions in force for the agent.
 * Shared by decisions and by plan verification, so a plan step is judged like a decision.
 */
@ApplicationScoped
public class DecisionFacts {

    private final AgentService agents;
    private final FreezeService freezes;
    private final BudgetLedger budgets;
    private final HaltService halt;
    private final ApprovalUses approvals;
    private final PlanStepAuthority planSteps;
    private final SessionSteps sessions;
    private final ObservedInputs history;
    private final AssetService assets;
    private final ScopedHaltService scopedHalts;
    private final AgentGrants grants;
    private final ExceptionService exceptions;
    private final Caller caller;

    public DecisionFacts(AgentService agents, FreezeService freezes, BudgetLedger budgets, HaltService halt,
                         ApprovalUses approvals, PlanStepAuthority planSteps, SessionSteps sessions,
                         ObservedInputs history, AssetService assets, ScopedHaltService scopedHalts, AgentGrants grants,
                         ExceptionService exceptions, Caller caller) {
        this.exceptions = exceptions;
        this.caller = caller;
        this.scopedHalts = scopedHalts;
        this.grants = grants;
        this.sessions = sessions;
        this.history = history;
        this.assets = assets;
        this.agents = agents;
        this.freezes = freezes;
        this.budgets = budgets;
        this.halt = halt;
        this.approvals = approvals;
        this.planSteps = planSteps;
    }

    /**
     * Whether an action changes anything is the policy's call, made after the facts are read, so
     * every decision of the agent is serialised, until it commits, before anything is read: the
     * budget totals and counts it reads then include every earlier decision.
     */
    public void serialise(String agentId) {
        agents.serialiseDecisions(agentId);
    }

    /**
     * The facts for a decision, read after {@link #serialise}. The approval or plan step it
     * names is locked until the decision commits.
     */
    public EvaluationInput gather(DecisionRequest request, String actionHash, Instant now) {
        EvaluationInput base = gather(request.agentId(), request.sessionId(), request.planId(), request.action(),
                request.inputs(), now);
        return base.withAuthority(
                request.approvalId() == null ? null : approvals.lockNamed(request.approvalId(), actionHash),
                request.planId() == null ? null : planSteps.lockStep(request.planId(), request.stepIndex(),
                        actionHash));
    }

    /**
     * The facts for one action without an approval or plan step (a step of a plan being verified:
     * its earlier steps are added as the plan is weighed).
     */
    public EvaluationInput gather(String agentId, String sessionId, UUID planId, DecisionRequest.Action action,
                                  List<DecisionRequest.Input> inputs, Instant now) {
        var inputFacts = (inputs == null ? List.<DecisionRequest.Input>of() : inputs).stream()
                .map(i -> new EvaluationInput.InputFacts(i.source(), i.metric(), i.value(), i.observedAt().toInstant()))
                .toList();
        EvaluationInput.AgentFacts agent = agents.facts(agentId, now).orElse(null);
        EvaluationInput base = new EvaluationInput(agentId, agent, actionFacts(action),
                inputFacts, freezes.activeAt(now), now, budgets.usageOf(agentId, now),
                halt.inForce().orElse(null)).withPendingApprovals(approvals.pendingOf(agentId, now));
        // The owner is read only when a halt names an owner (the agent row is already in this transaction).
        var halts = scopedHalts.inForce(agentId, () -> agent == null ? null : grants.owner(agentId), sessionId, now);
        return base.withKnown(base.known().withHistory(history.of(inputFacts)).withHalts(halts).withToken(token(sessionId))
                .withExceptions(agent == null ? List.of() : exceptions.inForce(agentId, now))
                .withSession(sessions.before(agentId, sessionId, planId, now))
                .withAssets(assets.matching(action.target())));
    }

    /** The session token the caller presented, if it did: the policy holds the request to its scope. */
    private EvaluationInput.TokenFacts token(String sessionId) {
        return caller.credential().map(AgentCredential::session)
                .map(s -> new EvaluationInput.TokenFacts(s.prefix(), s.sessionId(), s.permissions(), s.expiresAt(), sessionId))
                .orElse(null);
    }

    /** An impact figure the agent left out stays null: unknown, never 0 (the policy says what that means). */
    public static EvaluationInput.ActionFacts actionFacts(DecisionRequest.Action action) {
        DecisionRequest.Impact impact = action.impact();
        return new EvaluationInput.ActionFacts(action.type(), action.environment(), action.target(),
                impact == null ? null : impact.records(),
                impact == null ? null : impact.users(),
                impact == null ? null : impact.monetaryValue(),
                action.rollbackPlan());
    }
}
