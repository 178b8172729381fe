package dev.governor.autonomy;

import dev.governor.policy.PromotionStep;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;
import java.util.UUID;

@Entity
@Table(name = "promotions")
class PromotionEntity {

    @Id
    UUID id;

    @Column(name = "agent_id", nullable = false)
    String agentId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    PromotionStep.Change change;

    @Column(name = "from_value", nullable = false)
    String fromValue;

    @Column(name = "to_value", nullable = false)
    String toValue;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    Promotion.Status status;

    @Column(nullable = false)
    String justification;

    @Column(nullable = false)
    boolean override;

    @Column(name = "override_reason")
    String overrideReason;

    @Column(name = "requested_by", nullable = false)
    String requestedBy;

    @Column(name = "requested_at", nullable = false)
    Instant requestedAt;

    /** The agent's owner when asked: the sign-off must come from someone else. */
    @Column(nullable = false)
    String owner;

    /** The StepEvidence the request was judged by, as JSON. */
    @Column(name = "evidence_json", nullable = false)
    String evidenceJson;

    @Column(name = "policy_version", nullable = false)
    String policyVersion;

    @Column(name = "criteria_version")
    String criteriaVersion;

    @Column(name = "decided_by")
    String decidedBy;

    @Column(name = "decided_at")
    Instant decidedAt;

    @Column(name = "decision_comment")
    String decisionComment;

    @Version
    long version;
}
