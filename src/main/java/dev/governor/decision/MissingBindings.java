package dev.governor.decision;

import dev.governor.audit.Binding;
import dev.governor.audit.BoundForms;
import dev.governor.audit.BoundRecords;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** OUTCOME_MISSING flags as their audit records bind them: history, written once and never changed. */
@ApplicationScoped
public class MissingBindings implements BoundRecords {

    private final EntityManager em;
    private final BoundForms bound;

    public MissingBindings(EntityManager em, BoundForms bound) {
        this.em = em;
        this.bound = bound;
    }

    Binding of(MissingOutcomeEntity e) {
        return bound.binding(MissingOutcomeEntity.Form.KIND, e.id, MissingOutcomeEntity.Form.of(e));
    }

    @Override
    public String kind() {
        return MissingOutcomeEntity.Form.KIND;
    }

    @Override
    public boolean changes() {
        return false;
    }

    @Override
    @Transactional
    public Map<UUID, Object> forms(List<UUID> ids) {
        Map<UUID, Object> forms = new HashMap<>();
        em.createQuery("select e from MissingOutcomeEntity e where e.id in :ids", MissingOutcomeEntity.class).setParameter("ids", ids)
                .getResultList().forEach(e -> forms.put(e.id, MissingOutcomeEntity.Form.of(e)));
        return forms;
    }

    @Override
    @Transactional
    public List<UUID> ids(UUID after, int limit) {
        return BoundForms.ids(em, "MissingOutcomeEntity", after, limit);
    }
}
