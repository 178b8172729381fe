package dev.governor.policy.engine.facts;

import dev.governor.policy.Outcome;

/**
 * What the approval or plan step a request names says (rules/approvals.drl, rules/plans.drl).
 * Kept apart from {@link Verdict}s, which are the policy's own verdict: a verdict that
 * {@code lifts} turns the answer into ALLOW (rules/combining.drl).
 */
public final class ApprovalVerdict extends Say {

    private final boolean lifts;

    private ApprovalVerdict(Outcome outcome, String code, String message, boolean lifts) {
        super(outcome, code, message);
        this.lifts = lifts;
    }

    public ApprovalVerdict(Outcome outcome, String code, String message) {
        this(outcome, code, message, false);
    }

    /** An approval that lets the action through: the answer becomes ALLOW with this reason alone. */
    public static ApprovalVerdict lift(String message) {
        return new ApprovalVerdict(Outcome.ALLOW, "APPROVED", message, true);
    }

    public boolean isLifts() { return lifts; }
}
