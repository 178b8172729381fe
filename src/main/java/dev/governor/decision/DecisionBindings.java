package dev.governor.decision;

import dev.governor.audit.Binding;
import dev.governor.audit.BoundRecords;
import dev.governor.audit.CanonicalJson;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Decisions as their audit records bind them ({@link DecisionForm}), written once and never changed. */
@ApplicationScoped
public class DecisionBindings implements BoundRecords {

    private final DecisionRepository repository;
    private final CanonicalJson canonical;

    public DecisionBindings(DecisionRepository repository, CanonicalJson canonical) {
        this.repository = repository;
        this.canonical = canonical;
    }

    Binding of(DecisionEntity entity) {
        return new Binding(DecisionForm.KIND, entity.id.toString(), canonical.sha256(DecisionForm.of(entity)));
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
    public Map<String, String> current(Collection<String> ids) {
        List<UUID> uuids = BoundRecords.uuids(ids);
        Map<String, String> hashes = new HashMap<>();
        if (uuids.isEmpty()) return hashes;
        List<DecisionEntity> found = repository.getEntityManager().createQuery(
                        "select distinct d from DecisionEntity d left join fetch d.firings where d.id in :ids",
                        DecisionEntity.class)
                .setParameter("ids", uuids).getResultList();
        found.forEach(d -> hashes.put(d.id.toString(), of(d).sha256()));
        return hashes;
    }
}
