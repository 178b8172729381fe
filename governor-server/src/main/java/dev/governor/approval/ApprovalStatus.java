package dev.governor.approval;

/** PENDING is the only state a human can act on; every other state is final. */
public enum ApprovalStatus {
    PENDING,
    APPROVED,
    REJECTED,
    EXPIRED,
    CONSUMED
}
