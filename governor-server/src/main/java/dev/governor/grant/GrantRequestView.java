package dev.governor.grant;

import java.time.Instant;
import java.util.UUID;

/** A grant request as the API shows it, with its decision once there is one. */
public record GrantRequestView(UUID id, String agentId, String permission, String justification, UUID decisionId,
                               String requestedBy, Instant requestedAt, GrantStatus status, String decidedBy,
                               Instant decidedAt, String comment) {

    static GrantRequestView of(GrantRequestEntity r, GrantDecisionEntity d) {
        return new GrantRequestView(r.id, r.agentId, r.permission, r.justification, r.decisionId, r.requestedBy,
                r.requestedAt.toInstant(), d == null ? GrantStatus.PENDING : GrantStatus.valueOf(d.status),
                d == null ? null : d.decidedBy, d == null ? null : d.decidedAt.toInstant(), d == null ? null : d.comment);
    }
}
