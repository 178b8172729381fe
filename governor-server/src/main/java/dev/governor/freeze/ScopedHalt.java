package dev.governor.freeze;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * A scoped halt as the API shows it: {@code scope} as it was declared ({@code {"tier": "PRODUCTION"}});
 * {@code active} is judged at the time of the answer.
 */
public record ScopedHalt(UUID id, Map<String, String> scope, String reason, String createdBy, Instant createdAt,
                         Instant until, Instant liftedAt, String liftedBy, boolean active) {

    static ScopedHalt of(ScopedHaltEntity e, Instant now) {
        return new ScopedHalt(e.id, Map.of(e.scope.key, e.value), e.reason, e.createdBy, e.createdAt, e.endsAt,
                e.liftedAt, e.liftedBy, e.activeAt(now));
    }
}
