package dev.governor.policy.engine;

import dev.governor.policy.ExceptionLimit;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Map;

/** {@code exceptions.dmn}: whether a reason code may be lifted by a break-glass exception, and for how long. */
final class ExceptionLimits {

    private ExceptionLimits() {
    }

    /** A row that says liftable without a positive duration is read as not liftable (fail closed). */
    static ExceptionLimit of(DmnTables tables, String code) {
        DmnTables.Result result = tables.evaluate(DmnTables.EXCEPTIONS, Map.of("reasonCode", code == null ? "" : code));
        if (result.rows().isEmpty() || !(result.value() instanceof Map<?, ?> out)) {
            return ExceptionLimit.unknown(code, null);
        }
        String source = result.rows().get(0).source();
        if (!Boolean.TRUE.equals(out.get("liftable"))) return new ExceptionLimit(code, false, null, source, null);
        Object period = out.get("maxDuration");
        try {
            Duration max = Duration.parse(String.valueOf(period));
            if (max.isNegative() || max.isZero()) {
                return new ExceptionLimit(code, false, null, source, "maxDuration " + period + " is not positive");
            }
            return new ExceptionLimit(code, true, max, source, null);
        } catch (DateTimeParseException e) {
            return new ExceptionLimit(code, false, null, source, "maxDuration " + period + " is not an ISO-8601 duration");
        }
    }
}
