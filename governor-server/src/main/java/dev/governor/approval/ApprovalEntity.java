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

/**
 * An approval request, bound to one exact action (or one plan's steps) by its canonical hash.
 * State changes go through the conditional updates in {@link ApprovalRepository}, never through
 * dirty checking, so that racing approvers, executions and the expiry job end in one final state.
 */
@Entity
@Table(name = "approvals")
public class ApprovalEntity {

    @Id
    public UUID id;
    @Column(name = "decision_id")
    public UUID decisionId;
    @Column(name = "plan_id")
    public UUID planId;
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
    /** What the approver is shown: the request, with the agent's reasoning. */
    @Column(name = "request_json")
    public String requestJson;
    @Column(name = "reasons_json")
    public String reasonsJson;
    /** How far the covered action can be undone, as its decision classified it; null for a plan. */
    public String reversibility;
    @Version
    public long version;
}
