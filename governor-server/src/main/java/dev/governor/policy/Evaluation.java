package dev.governor.policy;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

/**
 * The result of evaluating one request against one policy version: data, never an
 * exception. When anything could not be evaluated, {@code outcome} is DENY, a
 * {@code POLICY_ERROR} reason is present and {@code errors} says what went wrong.
 *
 * @param outcome       the answer: the policy's verdict after any approval or plan step the
 *                      request named (see rules/combining.drl)
 * @param reasons       why the answer is what it is
 * @param approvalTtl   how long an approval opened for this action may stay open, from
 *                      {@code decision-tables/approval-ttl.dmn}; null when none is opened or no
 *                      row applies (the caller then uses its configured default)
 * @param verdict       the policy's verdict before any approval or plan step was taken into account
 * @param mutating      whether the action changes anything ({@code decision-tables/reversibility.dmn})
 * @param effects       the state changes the answer asks for, applied by the caller
 * @param approvalBound whether the answer relies on the approval the facts name (the request's
 *                      own, or its plan's): the answer then refers to that approval
 * @param environment   the registered name of the action's environment ({@code environments.dmn}:
 *                      {@code prod} is {@code production}), what budgets count by; null when the
 *                      evaluation failed
 * @param dataClasses   what the action's target holds (registered assets, sensitive-targets.dmn):
 *                      stored with the decision, so later steps of the session know it
 * @param environmentTier the environment's tier as environments.dmn gives it; null when the
 *                      evaluation failed (what the decision metrics are labelled by)
 */
public record Evaluation(
        Outcome outcome,
        Reversibility reversibility,
        BlastRadius blastRadius,
        List<Reason> reasons,
        List<Firing> firings,
        List<String> errors,
        String policyVersion,
        Duration approvalTtl,
        PolicyVerdict verdict,
        boolean mutating,
        List<Effect> effects,
        boolean approvalBound,
        String environment,
        List<String> dataClasses,
        EnvironmentTier environmentTier) {

    /** Without an approval or plan step: the verdict is the answer. */
    public Evaluation(Outcome outcome, Reversibility reversibility, BlastRadius blastRadius, List<Reason> reasons,
                      List<Firing> firings, List<String> errors, String policyVersion, Duration approvalTtl) {
        this(outcome, reversibility, blastRadius, reasons, firings, errors, policyVersion, approvalTtl,
                new PolicyVerdict(outcome, reasons), true, List.of(), false, null, List.of(), null);
    }

    /** Without an approval time to live (the caller's default applies). */
    public Evaluation(Outcome outcome, Reversibility reversibility, BlastRadius blastRadius, List<Reason> reasons,
                      List<Firing> firings, List<String> errors, String policyVersion) {
        this(outcome, reversibility, blastRadius, reasons, firings, errors, policyVersion, null);
    }

    public Evaluation {
        reasons = List.copyOf(reasons);
        firings = List.copyOf(firings);
        errors = List.copyOf(errors);
        effects = effects == null ? List.of() : List.copyOf(effects);
        dataClasses = dataClasses == null ? List.of() : List.copyOf(dataClasses);
        if (verdict == null) verdict = new PolicyVerdict(outcome, reasons);
    }

    public boolean has(Effect effect) {
        return effects.contains(effect);
    }

    /** What the policy said before any approval effect: what replay compares a candidate with. */
    public record PolicyVerdict(Outcome outcome, List<Reason> reasons) {
        public PolicyVerdict {
            reasons = reasons == null ? List.of() : List.copyOf(reasons);
        }
    }

    /**
     * Why an outcome was reached. {@code source} names the file and the rule or table row,
     * e.g. {@code decision-tables/governance-gate.dmn#gate-prod-irreversible}; {@code subject}
     * names what the reason is about, when it is about something in particular.
     */
    public record Reason(String code, Outcome outcome, String message, String source,
                         @JsonInclude(JsonInclude.Include.NON_NULL) Subject subject) {
        public Reason(String code, Outcome outcome, String message, String source) {
            this(code, outcome, message, source, null);
        }
    }

    /**
     * What a reason is about, as fields rather than message text: the inputs (source and
     * metric) a data-quality finding names, the plan step, the budget row and window, the
     * approval or plan. Parts that do not apply are null.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Subject(List<InputRef> inputs, Integer stepIndex, UUID planId, BudgetRef budget, UUID approvalId) {
        public Subject {
            inputs = inputs == null || inputs.isEmpty() ? null : List.copyOf(inputs);
        }
    }

    public record InputRef(String source, String metric) {
    }

    /** A budget row, its window and the environment it counts ({@code null}: every environment). */
    public record BudgetRef(String row, Duration window, String environment) {
    }

    /**
     * One rule fired or one table row matched. For a rule, {@code name} is the rule name and
     * {@code rowId}/{@code rowIndex} are null; for a table row, {@code name} is the decision
     * table, {@code rowId} the row's stable id and {@code rowIndex} its 1-based position.
     */
    public record Firing(Kind kind, String file, String name, String rowId, Integer rowIndex,
                         String reasonCode, Outcome outcome) {
        public enum Kind { RULE, TABLE_ROW }
    }
}
