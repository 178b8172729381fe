package dev.governor.approval;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.OffsetDateTime;
import java.util.UUID;

/** An approval request, bound to one exact action by its canonical hash. */
@Entity
@Table(name = "approvals")
public class ApprovalEntity {

    @Id
    public UUID id;
    @Column(name = "decision_id", nullable = false)
    public UUID decisionId;
    @Column(name = "agent_id", nullable = false)
    public String agentId;
    @Column(name = "action_hash", nullable = false)
    public String actionHash;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ApprovalStatus status;
    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;
    @Column(name = "expires_at", nullable = false)
    public OffsetDateTime expiresAt;
    @Column(name = "decided_at")
    public OffsetDateTime decidedAt;
    @Column(name = "decided_by")
    public String decidedBy;
    public String comment;
    @Column(name = "consumed_at")
    public OffsetDateTime consumedAt;
    @Column(name = "consumed_by")
    public UUID consumedBy;
    @Version
    public long version;
}
