package dev.governor.grant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;
import java.util.UUID;

/** The one decision on a grant request: APPROVED or REJECTED, by whom, when, why. */
@Entity
@Table(name = "grant_request_decisions")
class GrantDecisionEntity {
    @Id
    @Column(name = "request_id")
    UUID requestId;
    String status;
    @Column(name = "decided_by")
    String decidedBy;
    @Column(name = "decided_at")
    OffsetDateTime decidedAt;
    String comment;
}
