package dev.governor.freeze;

import java.time.Instant;
import java.util.UUID;

/** A scoped halt as the API shows it; {@code active} is judged at the time of the answer. */
public record ScopedHalt(UUID id, HaltScope scope, String value, String reason, String createdBy, Instant createdAt,
                         Instant until, Instant liftedAt, String liftedBy, boolean active) {

    static ScopedHalt of(ScopedHaltEntity e, Instant now) {
        return new ScopedHalt(e.id, e.scope, e.value, e.reason, e.createdBy, e.createdAt, e.endsAt, e.liftedAt,
                e.liftedBy, e.activeAt(now));
    }
}
