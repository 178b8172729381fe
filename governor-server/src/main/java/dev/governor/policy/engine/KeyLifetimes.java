package dev.governor.policy.engine;

import dev.governor.policy.AutonomyLevel;
import dev.governor.policy.KeyLifetime;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Map;

/** {@code key-lifetimes.dmn}: the longest a credential may live, by its kind and the agent's level. */
final class KeyLifetimes {

    private KeyLifetimes() {
    }

    static KeyLifetime of(DmnTables tables, KeyLifetime.Credential credential, AutonomyLevel level) {
        if (credential == null || level == null) return KeyLifetime.unknown("credential and autonomy level are both needed");
        DmnTables.Result result = tables.evaluate(DmnTables.KEY_LIFETIMES,
                Map.of("credential", credential.name(), "autonomyLevel", level.name()));
        Map<?, ?> out = result.value() instanceof Map<?, ?> m ? m : Map.of();
        if (result.rows().isEmpty()) return KeyLifetime.unknown("no row of " + KeyLifetime.FILE + " matches "
                + credential + " at " + level);
        String source = result.rows().get(0).source();
        Duration max = positive(out.get("maxLifetime"));
        Duration warn = positive(out.get("warnBefore"));
        if (max == null || warn == null) {
            return new KeyLifetime(null, null, source, "maxLifetime and warnBefore must be positive ISO-8601 durations");
        }
        return new KeyLifetime(max, warn, source, null);
    }

    private static Duration positive(Object value) {
        if (!(value instanceof String text)) return null;
        try {
            Duration parsed = Duration.parse(text);
            return parsed.isNegative() || parsed.isZero() ? null : parsed;
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
