package dev.governor.decision;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Reads an agent's {@link TrackRecord} with a handful of aggregate queries: one for every count,
 * two group-bys, and one bounded query per non-zero count for the ids behind it. Portable SQL
 * (window functions and CTEs run on PostgreSQL and H2); every table read is this package's.
 */
@ApplicationScoped
public class TrackRecords {

    /** Action types listed at most; an agent with more is summarised by its commonest. */
    static final int MAX_GROUPS = 500;

    private final EntityManager em;

    public TrackRecords(EntityManager em) {
        this.em = em;
    }

    @Transactional
    public TrackRecord of(String agentId, Instant since, Instant until) {
        Map<String, String> conditions = TrackSql.conditions();
        StringBuilder select = new StringBuilder("select count(*)");
        for (Map.Entry<String, String> c : conditions.entrySet()) {
            if (c.getKey().equals("decisions")) continue;
            select.append(", coalesce(sum(case when ").append(c.getValue()).append(" then ")
                    .append(c.getKey().equals("incidents") ? "inc.n" : "1").append(" else 0 end), 0)");
        }
        Object[] row = (Object[]) bind(em.createNativeQuery(TrackSql.WITH + select + TrackSql.FROM),
                agentId, since, until).getSingleResult();
        Map<String, Long> counts = new LinkedHashMap<>();
        int i = 0;
        for (String field : conditions.keySet()) counts.put(field, number(row[i++]));

        Map<String, List<UUID>> examples = new LinkedHashMap<>();
        for (Map.Entry<String, String> c : conditions.entrySet()) {
            if (counts.get(c.getKey()) == 0) continue;
            List<?> ids = bind(em.createNativeQuery(TrackSql.WITH + "select d.id" + TrackSql.FROM + " and ("
                    + c.getValue() + ") order by d.decided_at, d.id"), agentId, since, until)
                    .setMaxResults(TrackRecord.EXAMPLES).getResultList();
            examples.put(c.getKey(), ids.stream().map(TrackRecords::uuid).toList());
        }
        return new TrackRecord(agentId, since, until, counts.get("decisions"), counts.get("mutationsAllowed"),
                counts.get("outcomesClaimed"), counts.get("outcomesConfirmed"), counts.get("outcomesDisputed"),
                counts.get("confirmedSucceeded"), counts.get("confirmedFailed"), counts.get("confirmedRolledBack"),
                counts.get("incidents"), counts.get("outcomesMissing"), counts.get("humanReviewed"),
                counts.get("humanAgreed"), groups("action_type", agentId, since, until),
                groups("outcome", agentId, since, until), examples);
    }

    private Map<String, Long> groups(String column, String agentId, Instant since, Instant until) {
        List<?> rows = bind(em.createNativeQuery("select d." + column + ", count(*) from decisions d"
                        + TrackSql.WINDOW + " group by d." + column + " order by count(*) desc, d." + column),
                agentId, since, until).setMaxResults(MAX_GROUPS).getResultList();
        Map<String, Long> counts = new TreeMap<>();
        for (Object r : rows) {
            Object[] cells = (Object[]) r;
            counts.put(Objects.toString(cells[0]), number(cells[1]));
        }
        return counts;
    }

    private static Query bind(Query query, String agentId, Instant since, Instant until) {
        return query.setParameter("agent", agentId)
                .setParameter("since", since.atOffset(ZoneOffset.UTC))
                .setParameter("until", until.atOffset(ZoneOffset.UTC));
    }

    static long number(Object value) {
        return value == null ? 0 : ((Number) value).longValue();
    }

    static UUID uuid(Object value) {
        if (value instanceof UUID u) return u;
        // H2 hands a native query's UUID column back as its 16 bytes.
        if (value instanceof byte[] b && b.length == 16) {
            java.nio.ByteBuffer buffer = java.nio.ByteBuffer.wrap(b);
            return new UUID(buffer.getLong(), buffer.getLong());
        }
        return UUID.fromString(value.toString());
    }
}
