package dev.governor.freeze;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** Persistent form of a freeze; never leaves this package (the service hands out {@link Freeze}). */
@Entity
@Table(name = "freezes")
class FreezeEntity {

    @Id
    UUID id;

    @Column(nullable = false)
    String environment;

    @Column(name = "starts_at", nullable = false)
    Instant startsAt;

    @Column(name = "ends_at", nullable = false)
    Instant endsAt;

    @Column(nullable = false)
    String reason;

    @Column(name = "created_at", nullable = false)
    Instant createdAt;

    @Column(name = "lifted_at")
    Instant liftedAt;

    boolean activeAt(Instant now) {
        return liftedAt == null && !startsAt.isAfter(now) && endsAt.isAfter(now);
    }
}
