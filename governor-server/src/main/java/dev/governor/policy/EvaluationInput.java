package dev.governor.policy;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * Everything a policy may look at for one decision, gathered by the caller beforehand, so
 * that evaluation is a pure function of this value and the loaded policy version.
 *
 * @param agent         the registered agent, or {@code null} when the id is unknown
 * @param agentId       the id the caller gave, known or not
 * @param freezes       freezes whose window contains {@code now}
 * @param budgetUsage   the agent's running totals, asked per window by the budget table; null
 *                      means no earlier usage (the action alone is weighed against the limits)
 * @param halt          the global halt in force, or null: while it holds, every mutation of
 *                      every agent is denied
 * @param approval      the approval the request names ({@code approvalId}) as stored when the
 *                      decision was taken, or null when it names none
 * @param planStep      the plan step the request names ({@code planId}, {@code stepIndex}) with
 *                      its plan and the plan's approval, or null when it names none
 * @param pendingApprovals the agent's PENDING, unexpired approvals, counted after the agent's lock;
 *                      null = unknown (a decision recorded before Governor counted them): the
 *                      policy must then not open another approval (rules/pending-approvals.drl)
 * @param known         what Governor itself knows about the action, rather than the agent's word:
 *                      registered assets matching the target, the session's earlier steps, and
 *                      the recent history of the inputs' metrics; never null
 */
public record EvaluationInput(
        String agentId,
        AgentFacts agent,
        ActionFacts action,
        List<InputFacts> inputs,
        List<FreezeFacts> freezes,
        Instant now,
        BudgetUsage budgetUsage,
        HaltFacts halt,
        ApprovalFacts approval,
        PlanStepFacts planStep,
        Long pendingApprovals,
        Known known) {

    public EvaluationInput {
        inputs = inputs == null ? List.of() : List.copyOf(inputs);
        freezes = freezes == null ? List.of() : List.copyOf(freezes);
        known = known == null ? Known.NOTHING : known;
    }

    /** Knowing nothing beyond the request (older recorded decisions, tests). */
    public EvaluationInput(String agentId, AgentFacts agent, ActionFacts action, List<InputFacts> inputs,
                           List<FreezeFacts> freezes, Instant now, BudgetUsage budgetUsage, HaltFacts halt,
                           ApprovalFacts approval, PlanStepFacts planStep, Long pendingApprovals) {
        this(agentId, agent, action, inputs, freezes, now, budgetUsage, halt, approval, planStep, pendingApprovals,
                Known.NOTHING);
    }

    /** An agent with no pending approvals (tests, smoke checks). */
    public EvaluationInput(String agentId, AgentFacts agent, ActionFacts action, List<InputFacts> inputs,
                           List<FreezeFacts> freezes, Instant now, BudgetUsage budgetUsage, HaltFacts halt,
                           ApprovalFacts approval, PlanStepFacts planStep) {
        this(agentId, agent, action, inputs, freezes, now, budgetUsage, halt, approval, planStep, 0L);
    }

    /** Naming neither an approval nor a plan step. */
    public EvaluationInput(String agentId, AgentFacts agent, ActionFacts action, List<InputFacts> inputs,
                           List<FreezeFacts> freezes, Instant now, BudgetUsage budgetUsage, HaltFacts halt) {
        this(agentId, agent, action, inputs, freezes, now, budgetUsage, halt, null, null);
    }

    /** The same facts, naming the given approval and plan step. */
    public EvaluationInput withAuthority(ApprovalFacts approval, PlanStepFacts planStep) {
        return new EvaluationInput(agentId, agent, action, inputs, freezes, now, budgetUsage, halt, approval, planStep,
                pendingApprovals, known);
    }

    /** The same facts, with this many pending approvals of the agent (null = unknown). */
    public EvaluationInput withPendingApprovals(Long count) {
        return new EvaluationInput(agentId, agent, action, inputs, freezes, now, budgetUsage, halt, approval, planStep,
                count, known);
    }

    /** The same facts, with what Governor knows about the action. */
    public EvaluationInput withKnown(Known known) {
        return new EvaluationInput(agentId, agent, action, inputs, freezes, now, budgetUsage, halt, approval, planStep,
                pendingApprovals, known);
    }

    /** Without a global halt. */
    public EvaluationInput(String agentId, AgentFacts agent, ActionFacts action, List<InputFacts> inputs,
                           List<FreezeFacts> freezes, Instant now, BudgetUsage budgetUsage) {
        this(agentId, agent, action, inputs, freezes, now, budgetUsage, null, null, null);
    }

    /** Without budget usage (no earlier mutations are counted) and without a global halt. */
    public EvaluationInput(String agentId, AgentFacts agent, ActionFacts action, List<InputFacts> inputs,
                           List<FreezeFacts> freezes, Instant now) {
        this(agentId, agent, action, inputs, freezes, now, null, null, null, null);
    }

    /** A global halt declared by an administrator: who, since when, why. */
    public record HaltFacts(String reason, String by, Instant since) {
    }

    /**
     * @param orphaned     its owner is disabled, deleted or not a user Governor knows (rules/identity.drl)
     * @param permissions  the grants in force at the decision's time
     * @param endedGrants  the grants whose end ({@code grantsUntil}) has come, with that end: no
     *                     longer among the permissions, so the policy can say which ended and when
     */
    public record AgentFacts(
            String id,
            boolean suspended,
            AutonomyLevel autonomyLevel,
            Set<String> environments,
            Set<String> permissions,
            boolean orphaned,
            Map<String, Instant> endedGrants) {

        public AgentFacts {
            endedGrants = endedGrants == null ? Map.of() : Map.copyOf(endedGrants);
        }

        /** No grant has ended. */
        public AgentFacts(String id, boolean suspended, AutonomyLevel autonomyLevel, Set<String> environments,
                          Set<String> permissions, boolean orphaned) {
            this(id, suspended, autonomyLevel, environments, permissions, orphaned, Map.of());
        }

        /** An agent whose owner is an active user. */
        public AgentFacts(String id, boolean suspended, AutonomyLevel autonomyLevel, Set<String> environments,
                          Set<String> permissions) {
            this(id, suspended, autonomyLevel, environments, permissions, false);
        }
    }

    /**
     * {@code type} is {@code <resource>.<verb>}. An impact figure the agent did not declare is null:
     * unknown, never 0 (blast-radius.dmn, budgets.dmn and required-evidence.dmn say what unknown
     * means). Whether the action changes anything is the policy's call ({@code decision-tables/reversibility.dmn}).
     */
    public record ActionFacts(
            String type,
            String environment,
            String target,
            Long records,
            Long users,
            BigDecimal monetaryValue,
            String rollbackPlan) {
    }

    /**
     * An approval as stored when the decision was taken (its row locked until the decision
     * commits, so what the policy saw is what gets consumed). {@code exists} false: no approval
     * has this id, and every other field but {@code id} is null.
     *
     * @param planId        set when the approval covers a plan rather than one action
     * @param actionMatches whether the request's action has the fingerprint the approval covers
     */
    public record ApprovalFacts(UUID id, boolean exists, UUID planId, String agentId, boolean actionMatches,
                                ApprovalState status, Instant expiresAt, String decidedBy, Instant decidedAt,
                                String comment, UUID consumedBy, Instant consumedAt) {
        public static ApprovalFacts unknown(UUID id) {
            return new ApprovalFacts(id, false, null, null, false, null, null, null, null, null, null, null);
        }
    }

    /**
     * The plan step a request names, with its plan as verified and the plan's approval.
     *
     * @param planOutcome   the plan's answer when it was verified; null when no such plan exists
     * @param actionMatches whether the request's action is the step's action (by fingerprint)
     * @param executedBy    the decision that already executed this step, or null
     * @param lastStep      whether every other step of the plan has been executed already
     * @param approval      the approval covering the plan, or null when it has none
     */
    public record PlanStepFacts(UUID planId, int stepIndex, boolean planExists, String planAgentId,
                                Outcome planOutcome, boolean stepExists, boolean actionMatches, UUID executedBy,
                                Instant executedAt, boolean lastStep, ApprovalFacts approval) {
        public static PlanStepFacts unknownPlan(UUID planId, int stepIndex) {
            return new PlanStepFacts(planId, stepIndex, false, null, null, false, false, null, null, false, null);
        }
    }

    public record InputFacts(String source, String metric, BigDecimal value, Instant observedAt) {
    }

    public record FreezeFacts(String id, String environment, Instant from, Instant until, String reason) {
    }

    /**
     * The agent's ALLOWed mutations within {@code window} before {@code now}; {@code environment}
     * null counts every environment. Implementations may look the totals up lazily.
     */
    @JsonDeserialize(as = RecordedTotals.class)
    public interface BudgetUsage {
        UsageTotals within(Duration window, String environment);

        /** Fixed totals (policy scenarios, replay); any window or environment not listed has none. */
        static BudgetUsage of(List<UsageTotals> totals) {
            return new RecordedTotals(totals);
        }
    }

    /**
     * Totals as a decision recorded them (a JSON array of {@link UsageTotals}), so a replay sees
     * exactly what the live policy saw.
     */
    public record RecordedTotals(List<UsageTotals> totals) implements BudgetUsage {

        @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
        public RecordedTotals(List<UsageTotals> totals) {
            this.totals = totals == null ? List.of() : List.copyOf(totals);
        }

        @Override
        @JsonValue
        public List<UsageTotals> totals() {
            return totals;
        }

        @Override
        public UsageTotals within(Duration window, String environment) {
            return totals.stream()
                    .filter(t -> t.window().equals(window) && Objects.equals(t.environment(), environment))
                    .findFirst().orElse(UsageTotals.none(window, environment));
        }
    }

    /**
     * Running totals of ALLOWed mutations in one window; {@code environment} null = all. A total
     * is null (unknown) when any action counted in it left that figure undeclared.
     */
    public record UsageTotals(Duration window, String environment, long actions, Long records, Long users,
                              BigDecimal monetaryValue) {
        public static UsageTotals none(Duration window, String environment) {
            return new UsageTotals(window, environment, 0, 0L, 0L, BigDecimal.ZERO);
        }
    }

    /**
     * What Governor knows, gathered from its own records rather than from the request. Each list
     * may be empty (nothing known); the policy, not Java, says what an unknown target means.
     *
     * @param assets  registered assets (the {@code /v1/assets} API) whose target pattern matches the
     *                action's target; the policy's own table (decision-tables/assets.xlsx) is matched
     *                by the engine
     * @param session the same session's earlier steps within the configured window, oldest first
     * @param history per source and metric of the request's inputs, the values observed before
     */
    /**
     * @param halts the scoped halts in force that may cover this request: every one scoped to an
     *              environment, tier, action type or class, and those naming this agent, its owner
     *              or its session (rules/halt.drl decides which cover the action)
     * @param exceptions the break-glass exceptions in force for this agent (rules/exceptions.drl
     *              decides which cover the action and what they lift)
     * @param token the session token the request was made with, or null when the agent's key was
     *              presented (or no agent: a person verifying a plan); rules/permissions.drl holds
     *              the request to the token's session and grants
     */
    public record Known(List<AssetFacts> assets, List<SessionStep> session, List<MetricHistory> history,
                        List<ScopedHaltFacts> halts, List<ExceptionFacts> exceptions, TokenFacts token) {
        public static final Known NOTHING = new Known(List.of(), List.of(), List.of(), List.of(), List.of(), null);

        public Known {
            assets = assets == null ? List.of() : List.copyOf(assets);
            session = session == null ? List.of() : List.copyOf(session);
            history = history == null ? List.of() : List.copyOf(history);
            halts = halts == null ? List.of() : List.copyOf(halts);
            exceptions = exceptions == null ? List.of() : List.copyOf(exceptions);
        }

        public Known(List<AssetFacts> assets, List<SessionStep> session, List<MetricHistory> history) {
            this(assets, session, history, List.of(), List.of(), null);
        }

        public Known withAssets(List<AssetFacts> assets) {
            return new Known(assets, session, history, halts, exceptions, token);
        }

        public Known withSession(List<SessionStep> session) {
            return new Known(assets, session, history, halts, exceptions, token);
        }

        public Known withHistory(List<MetricHistory> history) {
            return new Known(assets, session, history, halts, exceptions, token);
        }

        public Known withHalts(List<ScopedHaltFacts> halts) {
            return new Known(assets, session, history, halts, exceptions, token);
        }

        public Known withExceptions(List<ExceptionFacts> exceptions) {
            return new Known(assets, session, history, halts, exceptions, token);
        }

        public Known withToken(TokenFacts token) {
            return new Known(assets, session, history, halts, exceptions, token);
        }
    }

    /**
     * A break-glass exception in force for the requesting agent (two people approved it, its
     * window is open): rules/exceptions.drl lifts the listed codes for the listed action types
     * and target patterns, as far as decision-tables/exceptions.dmn lets them be lifted.
     */
    public record ExceptionFacts(UUID id, String agentId, List<String> actionTypes, List<String> targets,
                                 List<String> reasonCodes, Instant until, List<String> approvedBy) {
        public ExceptionFacts {
            actionTypes = actionTypes == null ? List.of() : List.copyOf(actionTypes);
            targets = targets == null ? List.of() : List.copyOf(targets);
            reasonCodes = reasonCodes == null ? List.of() : List.copyOf(reasonCodes);
            approvedBy = approvedBy == null ? List.of() : List.copyOf(approvedBy);
        }
    }

    /**
     * A session token ({@code POST /v1/agents/{id}/tokens}): the one session and the grants it was
     * issued for, and the session the request names (null when it names none).
     *
     * @param token its display prefix ({@code gvs_…}), never the secret
     */
    public record TokenFacts(String token, String sessionId, Set<String> permissions, Instant expiresAt,
                             String requestSessionId) {
        public TokenFacts {
            permissions = permissions == null ? Set.of() : Set.copyOf(permissions);
        }
    }

    /**
     * A scoped halt in force: {@code scope} is ENVIRONMENT, ENVIRONMENT_TIER, OWNER, ACTION_TYPE,
     * ACTION_CLASS, AGENT or SESSION; {@code until} null means until lifted.
     */
    public record ScopedHaltFacts(UUID id, String scope, String value, String reason, String by, Instant until) {
    }

    /**
     * One registered asset. A null figure is not registered (the declared one stands alone).
     *
     * @param source where it is registered: {@code /v1/assets/<id>} or {@code decision-tables/assets.xlsx#<row id>}
     */
    public record AssetFacts(String id, String target, EnvironmentTier tier, String dataClass, String criticality,
                             String ownerTeam, Long records, Long users, BigDecimal monetaryValue, String source) {
    }

    /**
     * An earlier step of the agent's work, as decided then: of the same session (its sessionId or
     * plan), or one of the agent's own recent steps elsewhere, so that naming a new session does
     * not leave the old one behind.
     *
     * @param dataClasses     the data classes the step touched (from its target's assets and the
     *                        sensitive-targets table), as that decision recorded them
     * @param reportedOutcome the latest outcome reported for it (SUCCEEDED, FAILED, ROLLED_BACK), or null
     * @param sameSession     whether it belongs to the request's session or plan
     * @param planned         an earlier step of a plan being verified: not executed, its outcome is
     *                        the verdict it would get
     */
    public record SessionStep(UUID decisionId, Instant at, String actionType, Outcome outcome,
                              List<String> dataClasses, String reportedOutcome, boolean sameSession, boolean planned) {
        public SessionStep {
            dataClasses = dataClasses == null ? List.of() : List.copyOf(dataClasses);
        }
    }

    /**
     * The values observed before for one source and metric, newest last, bounded in number.
     */
    public record MetricHistory(String source, String metric, List<ObservedValue> values) {
        public MetricHistory {
            values = values == null ? List.of() : List.copyOf(values);
        }
    }

    public record ObservedValue(BigDecimal value, Instant observedAt) {
    }
}
