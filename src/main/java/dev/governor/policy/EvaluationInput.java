package dev.governor.policy;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Set;

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
 */
public record EvaluationInput(
        String agentId,
        AgentFacts agent,
        ActionFacts action,
        List<InputFacts> inputs,
        List<FreezeFacts> freezes,
        Instant now,
        BudgetUsage budgetUsage,
        HaltFacts halt) {

    public EvaluationInput {
        inputs = inputs == null ? List.of() : List.copyOf(inputs);
        freezes = freezes == null ? List.of() : List.copyOf(freezes);
    }

    /** Without a global halt. */
    public EvaluationInput(String agentId, AgentFacts agent, ActionFacts action, List<InputFacts> inputs,
                           List<FreezeFacts> freezes, Instant now, BudgetUsage budgetUsage) {
        this(agentId, agent, action, inputs, freezes, now, budgetUsage, null);
    }

    /** Without budget usage (no earlier mutations are counted) and without a global halt. */
    public EvaluationInput(String agentId, AgentFacts agent, ActionFacts action, List<InputFacts> inputs,
                           List<FreezeFacts> freezes, Instant now) {
        this(agentId, agent, action, inputs, freezes, now, null, null);
    }

    /** A global halt declared by an administrator: who, since when, why. */
    public record HaltFacts(String reason, String by, Instant since) {
    }

    public record AgentFacts(
            String id,
            boolean suspended,
            AutonomyLevel autonomyLevel,
            Set<String> environments,
            Set<String> permissions) {
    }

    /** {@code type} is {@code <resource>.<verb>}; impact figures are never null (0 when not declared). */
    public record ActionFacts(
            String type,
            String environment,
            String target,
            long records,
            long users,
            BigDecimal monetaryValue,
            String rollbackPlan) {

        private static final Set<String> READ_ONLY_VERBS = Set.of("read", "list", "get", "describe");

        /** Everything but the read-only verbs ({@code read}, {@code list}, {@code get}, {@code describe}) changes something. */
        public boolean isMutating() {
            String t = type == null ? "" : type.trim();
            int dot = t.indexOf('.');
            return !READ_ONLY_VERBS.contains(dot < 0 ? "" : t.substring(dot + 1));
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

    /** Running totals of ALLOWed mutations in one window; {@code environment} null = all. */
    public record UsageTotals(Duration window, String environment, long actions, long records, long users,
                              BigDecimal monetaryValue) {
        public static UsageTotals none(Duration window, String environment) {
            return new UsageTotals(window, environment, 0, 0, 0, BigDecimal.ZERO);
        }
    }
}
