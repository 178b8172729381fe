package dev.governor.breakglass;

/**
 * Where a break-glass exception stands. PENDING and ACTIVE are stored; EXPIRED is how either
 * reads once its window has closed (nothing has to run for an exception to end).
 */
public enum ExceptionStatus {
    /** Asked for; waiting for its first or second approval. */
    PENDING,
    /** Approved by two people; lifts its codes until its end. */
    ACTIVE,
    /** Its window closed, approved or not. */
    EXPIRED,
    /** Ended early by a person. */
    REVOKED
}
