package dev.governor.api;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * The range of instants Governor accepts from callers: years 0001 to 9999. Java parses years up to
 * ±999,999,999, but PostgreSQL stores nothing past 294276 AD, and no real decision, freeze or
 * audit filter lies outside four-digit years.
 */
public final class Dates {

    public static final Instant MIN = OffsetDateTime.of(1, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC).toInstant();
    public static final Instant MAX = OffsetDateTime.of(9999, 12, 31, 23, 59, 59, 999_999_999, ZoneOffset.UTC).toInstant();
    public static final String RANGE_MESSAGE = "must lie between the years 0001 and 9999 (UTC)";

    private Dates() {
    }

    public static boolean inRange(Instant instant) {
        return !instant.isBefore(MIN) && !instant.isAfter(MAX);
    }

    /** The instant, or a 400 naming {@code field}. */
    public static Instant checked(String field, Instant instant) {
        if (instant != null && !inRange(instant)) throw ApiException.invalid(field, RANGE_MESSAGE);
        return instant;
    }
}
