package dev.governor.freeze;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;

/** The single row of {@code global_halt}: whether every agent is stopped, and who said so. */
@Entity
@Table(name = "global_halt")
class HaltEntity {

    static final int ONLY_ROW = 1;

    @Id
    Integer id;
    @Column(nullable = false)
    boolean active;
    String reason;
    @Column(name = "changed_by", nullable = false)
    String changedBy;
    @Column(name = "changed_at", nullable = false)
    OffsetDateTime changedAt;
}
