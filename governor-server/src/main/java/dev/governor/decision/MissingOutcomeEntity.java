package dev.governor.decision;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;
import java.util.UUID;

/** An OUTCOME_MISSING flag; one per decision (its id is the decision's), never updated. */
@Entity
@Table(name = "decision_outcome_missing")
public class MissingOutcomeEntity {

    @Id
    @Column(name = "decision_id")
    public UUID id;
    @Column(nullable = false)
    public String period;
    @Column(name = "due_at", nullable = false)
    public OffsetDateTime dueAt;
    @Column(name = "flagged_at", nullable = false)
    public OffsetDateTime flaggedAt;

    record Form(UUID decisionId, String period, String dueAt, String flaggedAt) {
        static final String KIND = "outcome-missing";

        static Form of(MissingOutcomeEntity e) {
            return new Form(e.id, e.period, dev.governor.audit.ChainHash.formatAt(e.dueAt.toInstant()),
                    dev.governor.audit.ChainHash.formatAt(e.flaggedAt.toInstant()));
        }
    }
}
