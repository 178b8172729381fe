package dev.governor.plan;

import dev.governor.audit.AuditEvent;
import dev.governor.audit.AuditKind;
import dev.governor.audit.AuditTrail;
import dev.governor.audit.BoundForms;
import dev.governor.audit.BoundRecords;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Plans as their audit records bind them ({@link PlanForm}): recorded when verified and again
 * each time a step is executed, so only the latest record must match the tables.
 */
@ApplicationScoped
public class PlanBindings implements BoundRecords {

    private final EntityManager em;
    private final BoundForms bound;
    private final AuditTrail audit;

    public PlanBindings(EntityManager em, BoundForms bound, AuditTrail audit) {
        this.em = em;
        this.bound = bound;
        this.audit = audit;
    }

    /** Appends {@code kind}'s record binding plan {@code planId} as it now stands (flushed first). */
    void record(AuditKind kind, UUID planId, String actor, Map<String, Object> payload) {
        em.flush();
        Object form = forms(List.of(planId)).get(planId);
        audit.append(new AuditEvent(kind, planId.toString(), actor, payload, List.of(bound.binding(PlanForm.KIND, planId, form))));
    }

    @Override
    public String kind() {
        return PlanForm.KIND;
    }

    @Override
    public boolean changes() {
        return true;
    }

    @Override
    @Transactional
    public Map<UUID, Object> forms(List<UUID> ids) {
        Map<UUID, List<PlanStepEntity>> steps = new HashMap<>();
        em.createQuery("from PlanStepEntity where planId in :ids", PlanStepEntity.class).setParameter("ids", ids)
                .getResultList().forEach(s -> steps.computeIfAbsent(s.planId, k -> new ArrayList<>()).add(s));
        Map<UUID, Object> forms = new HashMap<>();
        em.createQuery("from PlanEntity where id in :ids", PlanEntity.class).setParameter("ids", ids).getResultList()
                .forEach(p -> forms.put(p.id, PlanForm.of(p, steps.getOrDefault(p.id, List.of()))));
        return forms;
    }

    @Override
    @Transactional
    public List<UUID> ids(UUID after, int limit) {
        return BoundForms.ids(em, "PlanEntity", after, limit);
    }
}
