package dev.governor.decision;

import dev.governor.api.ApiException;
import dev.governor.audit.AuditEvent;
import dev.governor.audit.AuditKind;
import dev.governor.audit.AuditTrail;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

/**
 * Confirms or disputes an agent's outcome claim. Reviews are appended, never replace one another
 * (the latest stands), and never touch the outcome rows, which the audit log binds.
 */
@ApplicationScoped
public class OutcomeReviews {

    /** The actor recorded for the verifier webhook's answers. */
    public static final String VERIFIER = "verifier";

    private final DecisionLocks locks;
    private final AuditTrail audit;
    private final ReviewBindings bindings;
    private final Clock clock;
    private final EntityManager em;

    public OutcomeReviews(DecisionLocks locks, AuditTrail audit, ReviewBindings bindings, Clock clock,
                          EntityManager em) {
        this.em = em;
        this.locks = locks;
        this.audit = audit;
        this.bindings = bindings;
        this.clock = clock;
    }

    @Transactional
    public OutcomeReview review(UUID decisionId, ReviewVerdict verdict, String actor, String comment) {
        locks.lock(decisionId);
        if (!locks.claimed(decisionId)) {
            throw ApiException.conflict("decision " + decisionId + " has no outcome claim yet; only a claimed"
                    + " outcome (POST /v1/decisions/" + decisionId + "/outcome) can be confirmed or disputed");
        }
        ReviewEntity review = new ReviewEntity();
        review.id = UUID.randomUUID();
        review.decisionId = decisionId;
        review.seq = locks.nextSeq("ReviewEntity", decisionId);
        review.verdict = verdict;
        review.actor = actor;
        review.comment = comment;
        review.reviewedAt = clock.instant().truncatedTo(ChronoUnit.MICROS).atOffset(ZoneOffset.UTC);
        em.persist(review);
        em.flush();
        OutcomeReview view = review.toView();
        audit.append(new AuditEvent(AuditKind.OUTCOME_REVIEWED, decisionId.toString(), actor, view,
                List.of(bindings.of(review))));
        return view;
    }
}
