package dev.governor.testing;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.persistence.EntityManager;

import java.util.List;

/** Reads the audit chain's rows directly: what was recorded about a subject, oldest first. */
public final class AuditRows {

    private AuditRows() {
    }

    /** The kinds of the records about {@code subjectId}, in chain order. */
    public static List<String> kinds(EntityManager em, String subjectId) {
        return QuarkusTransaction.requiringNew().call(() -> em
                .createNativeQuery("SELECT kind FROM audit_log WHERE subject_id = ?1 ORDER BY seq", String.class)
                .setParameter(1, subjectId).getResultList());
    }

    /** The payloads (canonical JSON) of the records of this kind about {@code subjectId}, in chain order. */
    public static List<String> payloads(EntityManager em, String kind, String subjectId) {
        return QuarkusTransaction.requiringNew().call(() -> em
                .createNativeQuery("SELECT payload FROM audit_log WHERE kind = ?1 AND subject_id = ?2 ORDER BY seq",
                        String.class)
                .setParameter(1, kind).setParameter(2, subjectId).getResultList());
    }
}
