package dev.governor.decision;

import dev.governor.agent.AgentService;
import dev.governor.budget.BudgetLedger;
import dev.governor.freeze.FreezeService;
import dev.governor.freeze.HaltService;
import dev.governor.policy.EvaluationInput;
import jakarta.enterprise.context.ApplicationScoped;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * Gathers everything the policy looks at for one action, at one instant: the agent as
 * registered, the freezes in force, the inputs, the agent's running budget totals and the
 * global halt, if one is in force.
 * Shared by decisions and by plan verification, so a plan step is judged like a decision.
 */
@ApplicationScoped
public class DecisionFacts {

    private final AgentService agents;
    private final FreezeService freezes;
    private final BudgetLedger budgets;
    private final HaltService halt;

    public DecisionFacts(AgentService agents, FreezeService freezes, BudgetLedger budgets, HaltService halt) {
        this.agents = agents;
        this.freezes = freezes;
        this.budgets = budgets;
        this.halt = halt;
    }

    public EvaluationInput gather(String agentId, DecisionRequest.Action action, List<DecisionRequest.Input> inputs,
                                  Instant now) {
        var inputFacts = (inputs == null ? List.<DecisionRequest.Input>of() : inputs).stream()
                .map(i -> new EvaluationInput.InputFacts(i.source(), i.metric(), i.value(), i.observedAt().toInstant()))
                .toList();
        EvaluationInput.ActionFacts actionFacts = actionFacts(action);
        if (actionFacts.isMutating()) {
            agents.serialiseDecisions(agentId);
        }
        return new EvaluationInput(agentId, agents.facts(agentId).orElse(null), actionFacts, inputFacts,
                freezes.activeAt(now, action.environment()), now, budgets.usageOf(agentId, now),
                halt.inForce().orElse(null));
    }

    /** Impact figures the agent left out count as 0. */
    public static EvaluationInput.ActionFacts actionFacts(DecisionRequest.Action action) {
        DecisionRequest.Impact impact = action.impact();
        return new EvaluationInput.ActionFacts(action.type(), action.environment(), action.target(),
                impact == null || impact.records() == null ? 0 : impact.records(),
                impact == null || impact.users() == null ? 0 : impact.users(),
                impact == null || impact.monetaryValue() == null ? BigDecimal.ZERO : impact.monetaryValue(),
                action.rollbackPlan());
    }
}
