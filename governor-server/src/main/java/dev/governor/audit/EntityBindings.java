package dev.governor.audit;

import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

/**
 * The rows of one entity (id field {@code id}, a UUID) as their audit records bind them, for the
 * features whose rows are one entity each: the form of a row is computed from the entity alone.
 * Subclasses say whether the row {@link #changes()} after it is bound.
 */
public abstract class EntityBindings<E> implements BoundRecords {

    private final EntityManager em;
    private final BoundForms bound;
    private final String kind;
    private final Class<E> type;
    private final Function<E, UUID> id;
    private final Function<E, Object> form;
    private final boolean changes;

    protected EntityBindings(EntityManager em, BoundForms bound, String kind, Class<E> type, Function<E, UUID> id,
                             Function<E, Object> form, boolean changes) {
        this.em = em;
        this.bound = bound;
        this.kind = kind;
        this.type = type;
        this.id = id;
        this.form = form;
        this.changes = changes;
    }

    /** What a record carries to vouch for the row as it stands now in this transaction. */
    public Binding of(E entity) {
        return bound.binding(kind, id.apply(entity), form.apply(entity));
    }

    @Override
    public String kind() {
        return kind;
    }

    @Override
    public boolean changes() {
        return changes;
    }

    @Override
    @Transactional
    public Map<UUID, Object> forms(List<UUID> ids) {
        Map<UUID, Object> forms = new HashMap<>();
        em.createQuery("select e from " + type.getSimpleName() + " e where e.id in :ids", type).setParameter("ids", ids)
                .getResultList().forEach(e -> forms.put(id.apply(e), form.apply(e)));
        return forms;
    }

    @Override
    @Transactional
    public List<UUID> ids(UUID after, int limit) {
        return BoundForms.ids(em, type.getSimpleName(), after, limit);
    }
}
