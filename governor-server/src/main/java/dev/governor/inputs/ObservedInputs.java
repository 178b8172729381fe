package dev.governor.inputs;

import dev.governor.GovernorConfig;
import dev.governor.audit.SensitiveFields;
import dev.governor.policy.Evaluation;
import dev.governor.policy.EvaluationInput;
import dev.governor.policy.EvaluationInput.InputFacts;
import dev.governor.policy.EvaluationInput.MetricHistory;
import dev.governor.policy.EvaluationInput.ObservedValue;
import dev.governor.policy.Outcome;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The input history: per source and metric, the last values Governor accepted (table
 * input_history), so a new value can be compared with the metric's own past across restarts
 * and instances. Only the inputs of an ALLOWed mutation are recorded: a value the policy found
 * anomalous (or any input of a refused or pending action) must not become the baseline the next
 * value is judged by, until a human approved the action that relied on it. No history is kept
 * when the inputs' source, metric or value are sensitive fields: the table would hold them in clear.
 */
@ApplicationScoped
public class ObservedInputs {

    private static final String LATEST = "select series, observed_value, observed_at from ("
            + " select series, observed_value, observed_at, id, row_number() over"
            + " (partition by series order by observed_at desc, id desc) as rn"
            + " from input_history where series in (:series)) h where rn <= :size order by series, observed_at, id";

    private final EntityManager em;
    private final int size;
    private final boolean kept;

    public ObservedInputs(EntityManager em, GovernorConfig config, SensitiveFields sensitive) {
        this.em = em;
        this.size = Math.max(0, config.inputs().historySize());
        this.kept = size > 0 && !sensitive.masks("inputs.value") && !sensitive.masks("inputs.source")
                && !sensitive.masks("inputs.metric");
    }

    /**
     * The last {@code history-size} values of each of the inputs' series, oldest first, in one
     * indexed query; a series with none is left out (nothing known).
     */
    @Transactional
    public List<MetricHistory> of(List<InputFacts> inputs) {
        if (!kept || inputs.isEmpty()) return List.of();
        Map<String, InputFacts> bySeries = new LinkedHashMap<>();
        for (InputFacts in : inputs) {
            if (in != null && in.source() != null && in.metric() != null) bySeries.putIfAbsent(series(in), in);
        }
        if (bySeries.isEmpty()) return List.of();
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(LATEST)
                .setParameter("series", bySeries.keySet()).setParameter("size", size).getResultList();
        Map<String, List<ObservedValue>> values = new LinkedHashMap<>();
        Map<String, Set<Instant>> seen = new LinkedHashMap<>();
        for (Object[] row : rows) {
            String series = (String) row[0];
            Instant at = instant(row[2]);
            // Two decisions racing may both record one observation; it counts once.
            if (!seen.computeIfAbsent(series, s -> new HashSet<>()).add(at)) continue;
            values.computeIfAbsent(series, s -> new ArrayList<>())
                    .add(new ObservedValue(plain((BigDecimal) row[1]), at));
        }
        List<MetricHistory> out = new ArrayList<>();
        bySeries.forEach((series, in) -> {
            List<ObservedValue> list = values.get(series);
            if (list != null) out.add(new MetricHistory(in.source(), in.metric(), list));
        });
        return out;
    }

    /**
     * Records the values an ALLOWed mutation relied on, in the decision's transaction; an
     * observation already in the history it was judged with (same series, same time) is not
     * recorded twice.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void record(UUID decisionId, EvaluationInput facts, Evaluation evaluation, OffsetDateTime decidedAt) {
        if (!kept || evaluation.outcome() != Outcome.ALLOW || !evaluation.mutating()) return;
        Set<String> known = new HashSet<>();
        for (MetricHistory h : facts.known().history()) {
            h.values().forEach(v -> known.add(key(h.source(), h.metric(), v.observedAt().truncatedTo(ChronoUnit.MICROS))));
        }
        for (InputFacts in : facts.inputs()) {
            if (in.value() == null || in.observedAt() == null || in.source() == null || in.metric() == null) continue;
            Instant at = in.observedAt().truncatedTo(ChronoUnit.MICROS);
            if (!known.add(key(in.source(), in.metric(), at))) continue;
            ObservedValueEntity e = new ObservedValueEntity();
            e.series = series(in);
            e.source = in.source();
            e.metric = in.metric();
            e.value = in.value();
            e.observedAt = at.atOffset(ZoneOffset.UTC);
            e.decisionId = decisionId;
            e.recordedAt = decidedAt;
            em.persist(e);
        }
    }

    /** 150.000000 as stored is 150, not 1.5E+2. */
    private static BigDecimal plain(BigDecimal value) {
        BigDecimal v = value.stripTrailingZeros();
        return v.scale() < 0 ? v.setScale(0) : v;
    }

    private static String key(String source, String metric, Instant at) {
        return source.length() + ":" + source + metric + "@" + at;
    }

    /** SHA-256 of the length-prefixed source and the metric: no two pairs share a series. */
    static String series(InputFacts in) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest((in.source().length() + ":" + in.source() + in.metric()).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    private static Instant instant(Object value) {
        if (value instanceof OffsetDateTime o) return o.toInstant();
        if (value instanceof Instant i) return i;
        if (value instanceof Timestamp t) return t.toInstant();
        if (value instanceof java.time.ZonedDateTime z) return z.toInstant();
        throw new IllegalStateException("unexpected timestamp type " + value.getClass().getName());
    }
}
