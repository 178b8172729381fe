package dev.governor.policy.engine.facts;

/**
 * How many of the requesting agent's approvals are PENDING and unexpired when it asks, counted
 * after the agent's lock. Always present; {@code known} false when the count was not gathered (a
 * decision recorded before Governor counted them, replayed).
 */
public record PendingApprovalsFact(Long pending) {

    public boolean isKnown() { return pending != null; }

    /** An unknown count compares as larger than any cap: fail safe, it never lets one more approval open. */
    public long getCount() { return pending == null ? Long.MAX_VALUE : pending; }
}
