package dev.governor.approval;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;
import java.util.UUID;

/** One state change of an approval: who, when, and the decision it belongs to. Written once. */
@Entity
@Table(name = "approval_events")
public class ApprovalEventEntity {

    public enum Type { OPENED, APPROVED, REJECTED, EXPIRED, CONSUMED }

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "approval_events")
    @SequenceGenerator(name = "approval_events", sequenceName = "approval_events_seq", allocationSize = 50)
    public Long id;
    @Column(name = "approval_id", nullable = false)
    public UUID approvalId;
    @Column(name = "decision_id")
    public UUID decisionId;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Type type;
    @Column(nullable = false)
    public String actor;
    @Column(nullable = false)
    public OffsetDateTime at;
    public String comment;
}
