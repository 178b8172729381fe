package dev.governor.decision;

import dev.governor.audit.BoundForms;
import jakarta.inject.Singleton;
import jakarta.persistence.EntityManager;

/** Outcome reviews as their audit records bind them. */
// Singleton, not ApplicationScoped: a client proxy would need a no-args constructor up the hierarchy.
@Singleton
public class ReviewBindings extends AppendOnlyBindings<ReviewEntity> {

    public ReviewBindings(EntityManager em, BoundForms bound) {
        super(em, bound, ReviewForms.REVIEW, ReviewEntity.class, e -> e.id, ReviewForms.Review::of);
    }
}
