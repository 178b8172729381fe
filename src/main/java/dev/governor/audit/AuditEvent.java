package dev.governor.audit;

import java.util.Objects;

/**
 * One thing to record.
 *
 * @param subjectId the id of what it is about (decision, approval, agent, freeze id, policy version)
 * @param actor     who did it, always authenticated: the agent id for decisions, the approver for
 *                  approvals, the calling user for changes, {@link #SYSTEM} for Governor itself
 * @param payload   any value Jackson can serialise; stored as canonical JSON
 */
public record AuditEvent(AuditKind kind, String subjectId, String actor, Object payload) {

    public static final String SYSTEM = "system";

    public AuditEvent {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(subjectId, "subjectId");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(payload, "payload");
    }
}
