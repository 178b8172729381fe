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

/** Outcome reports as their audit records bind them ({@link OutcomeForm}): history, written once and never changed. */
@ApplicationScoped
public class OutcomeBindings implements BoundRecords {

    private final OutcomeRepository repository;
    private final BoundForms bound;

    public OutcomeBindings(OutcomeRepository repository, BoundForms bound) {
        this.repository = repository;
        this.bound = bound;
    }

    Binding of(OutcomeEntity entity) {
        return bound.binding(OutcomeForm.KIND, entity.id, OutcomeForm.of(entity));
    }

    @Override
    public String kind() {
        return OutcomeForm.KIND;
    }

    @Override
    public boolean changes() {
        return false;
    }

    @Override
    @Transactional
    public Map<UUID, Object> forms(List<UUID> ids) {
        Map<UUID, Object> forms = new HashMap<>();
        repository.list("id in ?1", ids).forEach(o -> forms.put(o.id, OutcomeForm.of(o)));
        return forms;
    }

    @Override
    @Transactional
    public List<UUID> ids(UUID after, int limit) {
        return BoundForms.ids(repository.getEntityManager(), "OutcomeEntity", after, limit);
    }
}
