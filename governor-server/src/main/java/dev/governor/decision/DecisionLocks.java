package dev.governor.decision;

import dev.governor.api.ApiException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.util.UUID;

/**
 * Reviews and human actions of one decision are written one at a time: the decision's row is
 * locked first, so each gets the next seq and "the latest" is the one that committed last.
 */
@ApplicationScoped
public class DecisionLocks {

    private final EntityManager em;

    public DecisionLocks(EntityManager em) {
        this.em = em;
    }

    /** Locks the decision's row until the transaction ends and returns it; 404 if there is none. */
    @Transactional(Transactional.TxType.MANDATORY)
    DecisionEntity lock(UUID decisionId) {
        if (em.createNativeQuery("SELECT id FROM decisions WHERE id = ?1 FOR UPDATE")
                .setParameter(1, decisionId).getResultList().isEmpty()) {
            throw ApiException.notFound("decision", decisionId);
        }
        return em.find(DecisionEntity.class, decisionId);
    }

    /** The next seq of the entity's rows for this decision (call with the decision locked). */
    @Transactional(Transactional.TxType.MANDATORY)
    int nextSeq(String entity, UUID decisionId) {
        Integer max = em.createQuery("select max(e.seq) from " + entity + " e where e.decisionId = :d", Integer.class)
                .setParameter("d", decisionId).getSingleResult();
        return max == null ? 1 : max + 1;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    boolean claimed(UUID decisionId) {
        return em.createQuery("select count(o) from OutcomeEntity o where o.decisionId = :d", Long.class)
                .setParameter("d", decisionId).getSingleResult() > 0;
    }
}
