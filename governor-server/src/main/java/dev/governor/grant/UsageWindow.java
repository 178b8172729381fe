package dev.governor.grant;

import dev.governor.api.ApiException;

import java.time.Duration;
import java.time.format.DateTimeParseException;

/**
 * The {@code ?window=} of the usage reports: an ISO-8601 duration (P30D, PT12H). Bounded so one
 * request cannot ask the database for years of decisions; the bound is a query limit, not policy.
 */
final class UsageWindow {

    static final Duration DEFAULT = Duration.ofDays(30);
    static final Duration MIN = Duration.ofHours(1);
    static final Duration MAX = Duration.ofDays(366);

    private UsageWindow() {
    }

    static Duration parse(String window) {
        if (window == null || window.isEmpty()) return DEFAULT;
        Duration parsed;
        try {
            parsed = Duration.parse(window);
        } catch (DateTimeParseException e) {
            throw ApiException.invalid("window", "must be an ISO-8601 duration such as P30D or PT12H");
        }
        if (parsed.compareTo(MIN) < 0 || parsed.compareTo(MAX) > 0) {
            throw ApiException.invalid("window", "must be between PT1H and P366D");
        }
        return parsed;
    }
}
