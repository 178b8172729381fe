package dev.governor.freeze;

import java.time.Instant;
import java.util.UUID;

/** A freeze as the API shows it; {@code active} is evaluated at the time of the response. */
public record Freeze(
        UUID id,
        String environment,
        Instant from,
        Instant until,
        String reason,
        Instant createdAt,
        Instant liftedAt,
        boolean active) {

    static Freeze of(FreezeEntity e, Instant now) {
        return new Freeze(e.id, e.environment, e.startsAt, e.endsAt, e.reason, e.createdAt, e.liftedAt,
                e.activeAt(now));
    }
}
