package dev.governor.decision;

import dev.governor.api.ApiException;
import dev.governor.api.Patterns;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Agents against human operators over one window, per action class: one grouped query over the
 * same joins as {@link TrackRecords} (latest report, review and human action of each decision),
 * so people and agents are measured by the one definition.
 */
@ApplicationScoped
public class Benchmarks {

    static final Duration MAX_WINDOW = Duration.ofDays(366);
    static final String HUMAN = "HUMAN_OPERATOR";

    private final EntityManager em;
    private final Clock clock;

    public Benchmarks(EntityManager em, Clock clock) {
        this.em = em;
        this.clock = clock;
    }

    @Transactional
    public Benchmark of(String actionType, String window) {
        Duration span = window(window);
        if (actionType != null && !actionType.matches(Patterns.ACTION_TYPE)) {
            throw ApiException.invalid("actionType", Patterns.ACTION_TYPE_MESSAGE);
        }
        Instant until = clock.instant().truncatedTo(ChronoUnit.MICROS);
        Instant since = until.minus(span);
        String where = " where d.decided_at >= :since and d.decided_at < :until"
                + (actionType == null ? "" : " and d.action_type = :type");
        String cls = actionType == null ? "d.reversibility" : "d.action_type";
        String kind = "case when d.agent_kind = '" + HUMAN + "' then 1 else 0 end";
        Map<String, String> c = TrackSql.conditions();
        String acted = "d.outcome = 'ALLOW' and fo.first_at is not null";
        String sql = TrackSql.with(where) + "select " + cls + ", " + kind + ", count(*), "
                + sum(c.get("humanReviewed")) + ", " + sum(c.get("humanAgreed")) + ", "
                + sum(c.get("outcomesConfirmed")) + ", " + sum(c.get("confirmedSucceeded")) + ", "
                + sum(c.get("confirmedRolledBack")) + ", coalesce(sum(inc.n), 0), " + sum(acted) + ", "
                + "percentile_cont(0.5) within group (order by case when " + acted
                + " then extract(epoch from fo.first_at) - extract(epoch from d.decided_at) end)"
                + TrackSql.from(where) + " group by " + cls + ", " + kind + " order by 1, 2";
        Query query = em.createNativeQuery(sql).setParameter("since", since.atOffset(ZoneOffset.UTC))
                .setParameter("until", until.atOffset(ZoneOffset.UTC));
        if (actionType != null) query.setParameter("type", actionType);
        Map<String, Figures2> byClass = new TreeMap<>();
        for (Object r : query.getResultList()) {
            Object[] row = (Object[]) r;
            Figures2 pair = byClass.computeIfAbsent(String.valueOf(row[0]), k -> new Figures2());
            Benchmark.Figures figures = figures(row);
            if (TrackRecords.number(row[1]) == 1) pair.humans = figures;
            else pair.agents = figures;
        }
        List<Benchmark.ActionClass> classes = new ArrayList<>();
        byClass.forEach((k, v) -> classes.add(new Benchmark.ActionClass(k, v.agents, v.humans)));
        return new Benchmark(span.toString(), since, until, actionType,
                actionType == null ? Benchmark.ClassBy.REVERSIBILITY : Benchmark.ClassBy.ACTION_TYPE, classes);
    }

    private static final class Figures2 {
        Benchmark.Figures agents = Benchmark.Figures.NONE;
        Benchmark.Figures humans = Benchmark.Figures.NONE;
    }

    private static Benchmark.Figures figures(Object[] row) {
        long reviewed = TrackRecords.number(row[3]);
        long agreed = TrackRecords.number(row[4]);
        long confirmed = TrackRecords.number(row[5]);
        long succeeded = TrackRecords.number(row[6]);
        long rolledBack = TrackRecords.number(row[7]);
        Double median = row[10] == null ? null : ((Number) row[10]).doubleValue();
        return new Benchmark.Figures(TrackRecords.number(row[2]), reviewed, agreed, rate(agreed, reviewed),
                confirmed, succeeded, rolledBack, rate(succeeded, confirmed), rate(rolledBack, confirmed),
                TrackRecords.number(row[8]), TrackRecords.number(row[9]), median);
    }

    static Double rate(long part, long whole) {
        return whole == 0 ? null : (double) part / whole;
    }

    private static String sum(String condition) {
        return "coalesce(sum(case when " + condition + " then 1 else 0 end), 0)";
    }

    static Duration window(String window) {
        if (window == null || window.isBlank()) return Duration.ofDays(30);
        Duration span;
        try {
            span = window.startsWith("P") && !window.contains("T") && window.endsWith("D")
                    ? Duration.ofDays(Long.parseLong(window.substring(1, window.length() - 1)))
                    : Duration.parse(window);
        } catch (DateTimeParseException | NumberFormatException | ArithmeticException e) {
            throw ApiException.invalid("window", "must be an ISO-8601 duration such as P30D or PT12H");
        }
        if (span.isNegative() || span.isZero() || span.compareTo(MAX_WINDOW) > 0) {
            throw ApiException.invalid("window", "must be positive and at most P366D");
        }
        return span;
    }
}
