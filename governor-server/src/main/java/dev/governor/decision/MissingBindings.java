package dev.governor.decision;

import dev.governor.audit.BoundForms;
import jakarta.inject.Singleton;
import jakarta.persistence.EntityManager;

/** OUTCOME_MISSING flags as their audit records bind them. */
// Singleton, not ApplicationScoped: a client proxy would need a no-args constructor up the hierarchy.
@Singleton
public class MissingBindings extends AppendOnlyBindings<MissingOutcomeEntity> {

    public MissingBindings(EntityManager em, BoundForms bound) {
        super(em, bound, MissingOutcomeEntity.Form.KIND, MissingOutcomeEntity.class, e -> e.id,
                MissingOutcomeEntity.Form::of);
    }
}
