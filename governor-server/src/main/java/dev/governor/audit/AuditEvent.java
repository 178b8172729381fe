package dev.governor.audit;

import java.util.List;
import java.util.Objects;

/**
 * One thing to record.
 *
 * @param subjectId the id of what it is about (decision, approval, agent, freeze id, policy version)
 * @param actor     who did it, always authenticated: the agent id for decisions, the approver for
 *                  approvals, the calling user for changes, {@link #SYSTEM} for Governor itself
 * @param payload   any value Jackson can serialise; stored as canonical JSON
 * @param binds     the operational rows this record vouches for, stored in the payload as
 *                  {@code binds} (the payload must then be a JSON object)
 */
public record AuditEvent(AuditKind kind, String subjectId, String actor, Object payload, List<Binding> binds) {

    public static final String SYSTEM = "system";

    public AuditEvent {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(subjectId, "subjectId");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(payload, "payload");
        binds = List.copyOf(binds);
    }

    /** A record that binds no operational row. */
    public AuditEvent(AuditKind kind, String subjectId, String actor, Object payload) {
        this(kind, subjectId, actor, payload, List.of());
    }
}
