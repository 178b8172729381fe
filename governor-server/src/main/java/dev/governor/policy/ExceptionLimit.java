package dev.governor.policy;

import java.time.Duration;

/**
 * What {@code decision-tables/exceptions.dmn} says about lifting one reason code with a
 * break-glass exception.
 *
 * @param liftable    false when the row says so, when no row matches, or when the table could not be read
 * @param maxDuration the longest window an exception lifting the code may have; null when not liftable
 * @param source      the row that decided ({@code decision-tables/exceptions.dmn#ex-...}), or null
 * @param error       why the table could not be read, or null
 */
public record ExceptionLimit(String code, boolean liftable, Duration maxDuration, String source, String error) {

    public static ExceptionLimit unknown(String code, String error) {
        return new ExceptionLimit(code, false, null, null, error);
    }
}
