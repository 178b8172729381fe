package dev.governor.policy;

import java.util.List;

/**
 * The result of evaluating one request against one policy version: data, never an
 * exception. When anything could not be evaluated, {@code outcome} is DENY, a
 * {@code POLICY_ERROR} reason is present and {@code errors} says what went wrong.
 */
public record Evaluation(
        Outcome outcome,
        Reversibility reversibility,
        BlastRadius blastRadius,
        List<Reason> reasons,
        List<Firing> firings,
        List<String> errors,
        String policyVersion) {

    public Evaluation {
        reasons = List.copyOf(reasons);
        firings = List.copyOf(firings);
        errors = List.copyOf(errors);
    }

    /**
     * Why an outcome was reached. {@code source} names the file and the rule or table row,
     * e.g. {@code decision-tables/governance-gate.dmn#gate-prod-irreversible}.
     */
    public record Reason(String code, Outcome outcome, String message, String source) {
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
