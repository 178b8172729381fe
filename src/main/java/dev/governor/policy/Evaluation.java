package dev.governor.policy;

import java.time.Duration;
import java.util.List;

/**
 * The result of evaluating one request against one policy version: data, never an
 * exception. When anything could not be evaluated, {@code outcome} is DENY, a
 * {@code POLICY_ERROR} reason is present and {@code errors} says what went wrong.
 *
 * @param approvalTtl how long an approval for this action may stay open, from
 *                    {@code decision-tables/approval-ttl.dmn}; null when no approval is needed or
 *                    no row applies (the caller then uses its configured default)
 */
public record Evaluation(
        Outcome outcome,
        Reversibility reversibility,
        BlastRadius blastRadius,
        List<Reason> reasons,
        List<Firing> firings,
        List<String> errors,
        String policyVersion,
        Duration approvalTtl) {

    /** Without an approval time to live (the caller's default applies). */
    public Evaluation(Outcome outcome, Reversibility reversibility, BlastRadius blastRadius, List<Reason> reasons,
                      List<Firing> firings, List<String> errors, String policyVersion) {
        this(outcome, reversibility, blastRadius, reasons, firings, errors, policyVersion, null);
    }

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
