package dev.governor.grant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;
import java.util.UUID;

/** A request for one grant; written once, never updated (its decision is a row of its own). */
@Entity
@Table(name = "grant_requests")
class GrantRequestEntity {
    @Id
    UUID id;
    @Column(name = "agent_id")
    String agentId;
    String permission;
    String justification;
    @Column(name = "decision_id")
    UUID decisionId;
    @Column(name = "requested_by")
    String requestedBy;
    @Column(name = "requested_at")
    OffsetDateTime requestedAt;
}
