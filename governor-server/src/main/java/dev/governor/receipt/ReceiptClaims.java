package dev.governor.receipt;

import java.time.Instant;
import java.util.UUID;

/**
 * What a decision receipt asserts, as its signed payload carries it (README "Decision receipts").
 *
 * @param actionHash the action's fingerprint (the one approvals bind to): an executor recomputes
 *                   it from the action it is about to run
 * @param auditSeq   the sequence number of the decision's record in the audit chain
 */
public record ReceiptClaims(int v, UUID decisionId, String agentId, String actionHash, String outcome,
                            String policyVersion, Instant issuedAt, Instant expiresAt, long auditSeq) {

    public static final int VERSION = 1;
}
