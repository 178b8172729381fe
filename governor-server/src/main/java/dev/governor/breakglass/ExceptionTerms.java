package dev.governor.breakglass;

import dev.governor.api.ApiException;
import dev.governor.api.Patterns;
import dev.governor.policy.ExceptionLimit;
import dev.governor.policy.PolicyEngine;
import dev.governor.policy.ReasonCode;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * What an exception may ask for, checked before it is stored: well-formed action types, target
 * patterns and reason codes (400 naming the member), codes decision-tables/exceptions.dmn lets be
 * lifted and a window within the shortest maximum of the codes named (422 naming the field and
 * the row). The table, not this class, says which codes and how long.
 */
record ExceptionTerms(List<String> actionTypes, List<String> targets, List<String> reasonCodes, Instant endsAt) {

    private static final int MAX_TARGET = 320;

    static ExceptionTerms of(ExceptionRequest request, PolicyEngine policy, Instant now) {
        List<String> types = distinct(request.actionTypes(), "actionTypes", v -> {
            if (!v.matches(Patterns.ACTION_TYPE)) return Patterns.ACTION_TYPE_MESSAGE;
            return null;
        });
        List<String> targets = distinct(request.targets(), "targets", v -> v.length() > MAX_TARGET
                || !v.matches("^[^\\p{Cntrl}]+$") ? "must be a target pattern ('*' is any run of characters) of at most "
                + MAX_TARGET + " characters, without control characters" : null);
        List<String> codes = distinct(request.reasonCodes(), "reasonCodes",
                v -> ReasonCode.isKnown(v) ? null : "is not a reason code of the catalogue (README, reason codes)");
        Duration window = window(request, now);
        for (int i = 0; i < codes.size(); i++) {
            ExceptionLimit limit = policy.exceptionLimit(codes.get(i));
            if (limit.error() != null) {
                throw ApiException.unavailable("decision-tables/exceptions.dmn could not be read: " + limit.error());
            }
            if (!limit.liftable()) {
                throw ApiException.unprocessable("reasonCodes[" + i + "]", codes.get(i) + " may not be lifted by an exception ("
                        + (limit.source() == null ? "no row of decision-tables/exceptions.dmn lists it" : limit.source()) + ")");
            }
            if (window.compareTo(limit.maxDuration()) > 0) {
                throw ApiException.unprocessable(request.duration() != null ? "duration" : "until", "the window "
                        + window + " is longer than " + limit.maxDuration() + ", the most an exception lifting "
                        + codes.get(i) + " may last (" + limit.source() + ")");
            }
        }
        return new ExceptionTerms(types, targets, codes, now.plus(window));
    }

    /** {@code duration} or {@code until}, exactly one, and positive. */
    private static Duration window(ExceptionRequest request, Instant now) {
        if ((request.duration() == null) == (request.until() == null)) {
            throw ApiException.invalid("duration", "give exactly one of duration (e.g. PT2H) and until");
        }
        if (request.until() != null) {
            Instant until = request.until().toInstant().truncatedTo(ChronoUnit.MICROS);
            if (!until.isAfter(now)) throw ApiException.invalid("until", "must be in the future");
            return Duration.between(now, until);
        }
        try {
            Duration d = Duration.parse(request.duration().strip().toUpperCase(Locale.ROOT));
            if (d.isNegative() || d.isZero()) throw ApiException.invalid("duration", "must be positive");
            return d.truncatedTo(ChronoUnit.MICROS);
        } catch (DateTimeParseException e) {
            throw ApiException.invalid("duration", "must be an ISO-8601 duration, e.g. PT2H");
        }
    }

    /** The values stripped, in order, each once; a bad one is a 400 naming {@code field[i]}. */
    private static List<String> distinct(List<String> values, String field, Function<String, String> problem) {
        LinkedHashSet<String> out = new LinkedHashSet<>();
        for (int i = 0; i < values.size(); i++) {
            String v = values.get(i) == null ? "" : values.get(i).strip();
            String message = v.isEmpty() ? "must not be blank" : problem.apply(v);
            if (message != null) throw ApiException.invalid(field + "[" + i + "]", message);
            out.add(v);
        }
        return new ArrayList<>(out);
    }
}
