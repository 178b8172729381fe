package dev.governor.decision;

import dev.governor.api.ApiException;
import dev.governor.api.Dates;
import dev.governor.api.Patterns;
import dev.governor.policy.Outcome;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The filters of the decision exports: decisions decided in {@code [from, to)}, by one agent,
 * with one outcome. Every bound is optional.
 */
record ExportFilter(Instant from, Instant to, String agentId, Outcome outcome) {

    static ExportFilter parse(String from, String to, String agentId, String outcome) {
        Instant start = time("from", from);
        Instant end = time("to", to);
        if (start != null && end != null && !end.isAfter(start)) {
            throw ApiException.invalid("to", "must be after from");
        }
        if (agentId != null && !agentId.isEmpty() && !agentId.matches(Patterns.AGENT_ID)) {
            throw ApiException.invalid("agentId", Patterns.AGENT_ID_MESSAGE);
        }
        return new ExportFilter(start, end, agentId == null || agentId.isEmpty() ? null : agentId, outcome(outcome));
    }

    /** {@code WHERE ...} over the decisions table aliased {@code d}, with its parameters. */
    String where(List<Object> params) {
        List<String> conditions = new ArrayList<>();
        if (from != null) {
            conditions.add("d.decided_at >= ?");
            params.add(from);
        }
        if (to != null) {
            conditions.add("d.decided_at < ?");
            params.add(to);
        }
        if (agentId != null) {
            conditions.add("d.agent_id = ?");
            params.add(agentId);
        }
        if (outcome != null) {
            conditions.add("d.outcome = ?");
            params.add(outcome.name());
        }
        return conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
    }

    private static Instant time(String name, String value) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        try {
            return Dates.checked(name, OffsetDateTime.parse(value).toInstant());
        } catch (DateTimeParseException e) {
            try {
                return Dates.checked(name, LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant());
            } catch (DateTimeParseException again) {
                throw ApiException.invalid(name, "must be an ISO-8601 date-time with offset "
                        + "(e.g. 2026-11-24T00:00:00Z) or a date (2026-11-24, midnight UTC)");
            }
        }
    }

    private static Outcome outcome(String value) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        try {
            return Outcome.valueOf(value);
        } catch (IllegalArgumentException e) {
            throw ApiException.invalid("outcome", "must be one of " + Arrays.toString(Outcome.values()));
        }
    }
}
