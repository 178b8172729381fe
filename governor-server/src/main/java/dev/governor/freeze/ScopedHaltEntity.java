package dev.governor.freeze;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** Persistent form of a scoped halt; never leaves this package (the service hands out {@link ScopedHalt}). */
@Entity
@Table(name = "scoped_halts")
class ScopedHaltEntity {

    @Id
    UUID id;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    HaltScope scope;

    @Column(name = "scope_value", nullable = false)
    String value;

    @Column(nullable = false)
    String reason;

    @Column(name = "created_by", nullable = false)
    String createdBy;

    @Column(name = "created_at", nullable = false)
    Instant createdAt;

    @Column(name = "ends_at")
    Instant endsAt;

    @Column(name = "lifted_at")
    Instant liftedAt;

    @Column(name = "lifted_by")
    String liftedBy;

    boolean activeAt(Instant now) {
        return liftedAt == null && (endsAt == null || endsAt.isAfter(now));
    }
}
