package dev.governor.approval;

import dev.governor.audit.ChainHash;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * An approval in the one form its audit records bind: every column of its {@code approvals} row
 * and every state change in {@code approval_events}, times as the chain writes them. Each event's
 * record binds the approval as it stands after that change, so the latest must match the tables.
 */
record ApprovalForm(UUID approvalId, UUID decisionId, UUID planId, String agentId, String actionHash,
                    String status, String createdAt, String expiresAt, String decidedAt, String decidedBy,
                    String comment, String consumedAt, UUID consumedBy, String requestJson, String reasonsJson,
                    String reversibility, long version, List<Event> events) {

    static final String KIND = "approval";

    record Event(long id, String type, String actor, String at, String comment, UUID decisionId) {
    }

    static ApprovalForm of(ApprovalEntity a, List<ApprovalEventEntity> events) {
        return new ApprovalForm(a.id, a.decisionId, a.planId, a.agentId, a.actionHash, a.status.name(),
                at(a.createdAt), at(a.expiresAt), at(a.decidedAt), a.decidedBy, a.comment, at(a.consumedAt),
                a.consumedBy, a.requestJson, a.reasonsJson, a.reversibility, a.version,
                events.stream().map(e -> new Event(e.id, e.type.name(), e.actor, at(e.at), e.comment, e.decisionId))
                        .toList());
    }

    private static String at(OffsetDateTime time) {
        return time == null ? null : ChainHash.formatAt(time.toInstant());
    }
}
