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
 * with one outcome, with a latest reported status ({@code outcomeStatus}, or NONE for no report) and
 * a latest review ({@code review}: CONFIRMED, DISPUTED, or NONE). Every bound is optional.
 */
record ExportFilter(Instant from, Instant to, String agentId, Outcome outcome, String outcomeStatus, String review) {

    static final String LATEST_STATUS = "(SELECT o.status FROM decision_outcomes o WHERE o.decision_id = d.id"
            + " ORDER BY o.reported_at DESC, o.id DESC FETCH FIRST 1 ROWS ONLY)";
    static final String LATEST_REVIEW = "(SELECT r.verdict FROM decision_outcome_reviews r WHERE r.decision_id = d.id"
            + " ORDER BY r.seq DESC FETCH FIRST 1 ROWS ONLY)";

    /** The filter value for "no report" or "no review". */
    enum Absent { NONE }

    static ExportFilter parse(String from, String to, String agentId, String outcome) {
        return parse(from, to, agentId, outcome, null, null);
    }

    static ExportFilter parse(String from, String to, String agentId, String outcome, String outcomeStatus,
                              String review) {
        Instant start = time("from", from);
        Instant end = time("to", to);
        if (start != null && end != null && !end.isAfter(start)) {
            throw ApiException.invalid("to", "must be after from");
        }
        if (agentId != null && !agentId.isEmpty() && !agentId.matches(Patterns.AGENT_ID)) {
            throw ApiException.invalid("agentId", Patterns.AGENT_ID_MESSAGE);
        }
        return new ExportFilter(start, end, agentId == null || agentId.isEmpty() ? null : agentId, outcome(outcome),
                oneOf("outcomeStatus", outcomeStatus, List.of(OutcomeStatus.SUCCEEDED.name(),
                        OutcomeStatus.FAILED.name(), OutcomeStatus.ROLLED_BACK.name(), Absent.NONE.name())),
                oneOf("review", review, List.of(ReviewVerdict.CONFIRMED.name(),
                        ReviewVerdict.DISPUTED.name(), Absent.NONE.name())));
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
        latest(conditions, params, LATEST_STATUS, outcomeStatus);
        latest(conditions, params, LATEST_REVIEW, review);
        return conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
    }

    private static void latest(List<String> conditions, List<Object> params, String latest, String wanted) {
        if (wanted == null) return;
        if (wanted.equals(Absent.NONE.name())) {
            conditions.add(latest + " IS NULL");
        } else {
            conditions.add(latest + " = ?");
            params.add(wanted);
        }
    }

    private static String oneOf(String name, String value, List<String> allowed) {
        if (value == null || value.isEmpty()) return null;
        if (!allowed.contains(value)) throw ApiException.invalid(name, "must be one of " + allowed);
        return value;
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
