package dev.governor.decision;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * What an agent asked for, read from the decisions Governor recorded: per action type, answer and
 * whether the permission rules refused it, how many times and when last. The one door other
 * features (permission right-sizing) use into this package's tables.
 */
@ApplicationScoped
public class ActionUsage {

    /** The reason code of rules/permissions.drl's refusals. */
    public static final String PERMISSION_NOT_GRANTED = "PERMISSION_NOT_GRANTED";

    private final DecisionRepository decisions;

    ActionUsage(DecisionRepository decisions) {
        this.decisions = decisions;
    }

    /**
     * @param outcome          the recorded answer (ALLOW, DENY, REQUIRE_APPROVAL...)
     * @param permissionDenied whether a permission rule fired (PERMISSION_NOT_GRANTED): no grant covered it
     */
    public record Count(String actionType, String outcome, boolean permissionDenied, long count, Instant last) {
    }

    /** The agent's decisions taken at or after {@code since}, sorted by action type, outcome, refusal. */
    @Transactional
    public List<Count> of(String agentId, Instant since) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = decisions.getEntityManager().createNativeQuery(
                        "SELECT action_type, outcome, denied, COUNT(*), MAX(decided_at) FROM ("
                                + " SELECT d.action_type, d.outcome, d.decided_at, CASE WHEN EXISTS (SELECT 1 FROM decision_firings f"
                                + " WHERE f.decision_id = d.id AND f.reason_code = ?3) THEN 1 ELSE 0 END AS denied"
                                + " FROM decisions d WHERE d.agent_id = ?1 AND d.decided_at >= ?2) x"
                                + " GROUP BY action_type, outcome, denied ORDER BY action_type, outcome, denied")
                .setParameter(1, agentId)
                .setParameter(2, since.atOffset(ZoneOffset.UTC))
                .setParameter(3, PERMISSION_NOT_GRANTED)
                .getResultList();
        List<Count> counts = new ArrayList<>();
        for (Object[] r : rows) {
            counts.add(new Count((String) r[0], (String) r[1], ((Number) r[2]).intValue() == 1,
                    ((Number) r[3]).longValue(), instant(r[4])));
        }
        return counts;
    }

    private static Instant instant(Object value) {
        if (value instanceof OffsetDateTime t) return t.toInstant();
        if (value instanceof Instant i) return i;
        if (value instanceof java.sql.Timestamp t) return t.toInstant();
        if (value instanceof java.time.ZonedDateTime t) return t.toInstant();
        throw new IllegalStateException("unexpected timestamp type " + (value == null ? null : value.getClass()));
    }
}
