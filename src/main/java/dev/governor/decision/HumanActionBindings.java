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

/** Human actions as their audit records bind them: history, written once and never changed. */
@ApplicationScoped
public class HumanActionBindings implements BoundRecords {

    private final EntityManager em;
    private final BoundForms bound;

    public HumanActionBindings(EntityManager em, BoundForms bound) {
        this.em = em;
        this.bound = bound;
    }

    Binding of(HumanActionEntity e) {
        return bound.binding(ReviewForms.HUMAN_ACTION, e.id, ReviewForms.Action.of(e));
    }

    @Override
    public String kind() {
        return ReviewForms.HUMAN_ACTION;
    }

    @Override
    public boolean changes() {
        return false;
    }

    @Override
    @Transactional
    public Map<UUID, Object> forms(List<UUID> ids) {
        Map<UUID, Object> forms = new HashMap<>();
        em.createQuery("select e from HumanActionEntity e where e.id in :ids", HumanActionEntity.class).setParameter("ids", ids)
                .getResultList().forEach(e -> forms.put(e.id, ReviewForms.Action.of(e)));
        return forms;
    }

    @Override
    @Transactional
    public List<UUID> ids(UUID after, int limit) {
        return BoundForms.ids(em, "HumanActionEntity", after, limit);
    }
}
