package dev.governor.decision;

import dev.governor.audit.Binding;
import dev.governor.audit.BoundForms;
import dev.governor.audit.BoundRecords;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Decisions as their audit records bind them ({@link DecisionForm}), written once and never changed. */
@ApplicationScoped
public class DecisionBindings implements BoundRecords {

    private final DecisionRepository repository;
    private final BoundForms bound;

    public DecisionBindings(DecisionRepository repository, BoundForms bound) {
        this.repository = repository;
        this.bound = bound;
    }

    Binding of(DecisionEntity entity) {
        return bound.binding(DecisionForm.KIND, entity.id, DecisionForm.of(entity));
    }

    @Override
    public String kind() {
        return DecisionForm.KIND;
    }

    @Override
    public boolean changes() {
        return false;
    }

    @Override
    @Transactional
    public Map<UUID, Object> forms(List<UUID> ids) {
        Map<UUID, Object> forms = new HashMap<>();
        repository.getEntityManager().createQuery(
                        "select distinct d from DecisionEntity d left join fetch d.firings where d.id in :ids",
                        DecisionEntity.class)
                .setParameter("ids", ids).getResultList().forEach(d -> forms.put(d.id, DecisionForm.of(d)));
        return forms;
    }

    @Override
    @Transactional
    public List<UUID> ids(UUID after, int limit) {
        return BoundForms.ids(repository.getEntityManager(), "DecisionEntity", after, limit);
    }
}
