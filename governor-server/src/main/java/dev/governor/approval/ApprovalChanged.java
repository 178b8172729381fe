package dev.governor.approval;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * Fired inside the transaction that changed an approval; observers act after it commits
 * (wake long-polling callers, notify the webhook), so nobody is told about a rolled-back change.
 */
public record ApprovalChanged(UUID approvalId, UUID decisionId, UUID planId, String agentId,
                              ApprovalEventEntity.Type event, ApprovalStatus status, String actor, String comment,
                              OffsetDateTime openedAt, OffsetDateTime at) {
}
