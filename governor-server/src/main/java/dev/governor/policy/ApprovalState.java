package dev.governor.policy;

/** The state of an approval as the policy sees it (mirrors the approval package's stored status). */
public enum ApprovalState {
    PENDING,
    APPROVED,
    REJECTED,
    EXPIRED,
    CONSUMED
}
