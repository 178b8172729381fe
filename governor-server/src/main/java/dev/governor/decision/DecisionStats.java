package dev.governor.decision;

import dev.governor.policy.Outcome;
import dev.governor.policy.Reversibility;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Counts over the stored decisions, for reports; the decisions table stays this package's. */
@ApplicationScoped
public class DecisionStats {

    private final EntityManager em;

    public DecisionStats(EntityManager em) {
        this.em = em;
    }

    /** Decisions since {@code from}, by outcome. */
    @Transactional
    public Map<String, Long> outcomesSince(OffsetDateTime from) {
        Map<String, Long> out = new TreeMap<>();
        for (Object row : em.createNativeQuery("SELECT outcome, COUNT(*) FROM decisions WHERE decided_at >= ?1 GROUP BY outcome")
                .setParameter(1, from).getResultList()) {
            Object[] r = (Object[]) row;
            out.put((String) r[0], ((Number) r[1]).longValue());
        }
        return out;
    }

    /**
     * Irreversible steps allowed since {@code from}: how many, and how many of those executed an
     * approval (a person signed off that exact action).
     */
    @Transactional
    public SignOff irreversibleSignOffSince(OffsetDateTime from) {
        List<?> rows = em.createNativeQuery("SELECT COUNT(*), COUNT(approval_id) FROM decisions WHERE decided_at >= ?1"
                        + " AND reversibility = ?2 AND outcome = ?3").setParameter(1, from)
                .setParameter(2, Reversibility.IRREVERSIBLE.name()).setParameter(3, Outcome.ALLOW.name()).getResultList();
        Object[] r = (Object[]) rows.get(0);
        return new SignOff(((Number) r[0]).longValue(), ((Number) r[1]).longValue());
    }

    /** @param share null when nothing irreversible was allowed: unknown, never a made-up 100 % */
    public record SignOff(long allowed, long withApproval, Double share) {
        public SignOff(long allowed, long withApproval) {
            this(allowed, withApproval, allowed == 0 ? null : (double) withApproval / allowed);
        }
    }
}
