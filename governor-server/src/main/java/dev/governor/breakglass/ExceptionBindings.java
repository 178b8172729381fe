package dev.governor.breakglass;

import dev.governor.audit.BoundForms;
import dev.governor.audit.EntityBindings;
import jakarta.inject.Singleton;
import jakarta.persistence.EntityManager;

/**
 * Exceptions with their approvals and revocation, as their audit records bind them
 * ({@link BreakGlass.Form}). Approvals and revocation change the row, so only the latest record
 * binding it must match it.
 */
// Singleton, not ApplicationScoped: a client proxy would need a no-args constructor up the hierarchy.
@Singleton
public class ExceptionBindings extends EntityBindings<ExceptionEntity> {

    public ExceptionBindings(EntityManager em, BoundForms bound) {
        super(em, bound, BreakGlass.Form.KIND, ExceptionEntity.class, e -> e.id, BreakGlass.Form::of, true);
    }
}
