package dev.governor.decision;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;
import java.util.UUID;

/** An outcome report; inserted once, never updated. */
@Entity
@Table(name = "decision_outcomes")
public class OutcomeEntity {

    @Id
    public UUID id;
    @Column(name = "decision_id", nullable = false)
    public UUID decisionId;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public OutcomeStatus status;
    @Column(nullable = false)
    public boolean incident;
    public String detail;
    @Column(name = "reported_at", nullable = false)
    public OffsetDateTime reportedAt;

    ReportedOutcome toReport() {
        return new ReportedOutcome(id, decisionId, status, incident, detail, reportedAt);
    }
}
