package dev.governor.decision;

import dev.governor.audit.BoundForms;
import jakarta.inject.Singleton;
import jakarta.persistence.EntityManager;

/** Human actions as their audit records bind them. */
// Singleton, not ApplicationScoped: a client proxy would need a no-args constructor up the hierarchy.
@Singleton
public class HumanActionBindings extends AppendOnlyBindings<HumanActionEntity> {

    public HumanActionBindings(EntityManager em, BoundForms bound) {
        super(em, bound, ReviewForms.HUMAN_ACTION, HumanActionEntity.class, e -> e.id, ReviewForms.Action::of);
    }
}
