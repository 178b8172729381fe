package dev.governor.decision;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;
import java.util.UUID;

/** A review of an outcome claim; inserted once, never updated (bound in the audit log). */
@Entity
@Table(name = "decision_outcome_reviews")
public class ReviewEntity {

    @Id
    public UUID id;
    @Column(name = "decision_id", nullable = false)
    public UUID decisionId;
    @Column(nullable = false)
    public int seq;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ReviewVerdict verdict;
    @Column(nullable = false)
    public String actor;
    public String comment;
    @Column(name = "reviewed_at", nullable = false)
    public OffsetDateTime reviewedAt;

    OutcomeReview toView() {
        return new OutcomeReview(id, decisionId, seq, verdict, actor, comment, reviewedAt);
    }
}
