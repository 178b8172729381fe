package dev.governor.asset;

import dev.governor.audit.Binding;
import dev.governor.audit.BoundForms;
import dev.governor.audit.BoundRecords;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Assets as their audit records bind them ({@link AssetForm}). An asset changes (updated,
 * deleted, imported over), so only the latest record about it must match its row; a deleted
 * asset keeps its row so that record still has something to vouch for.
 */
@ApplicationScoped
public class AssetBindings implements BoundRecords {

    private final AssetRepository repository;
    private final BoundForms bound;

    public AssetBindings(AssetRepository repository, BoundForms bound) {
        this.repository = repository;
        this.bound = bound;
    }

    /** The asset as it stands in this transaction (flushed first, so the version is the stored one). */
    Binding of(AssetEntity entity) {
        return bound.binding(AssetForm.KIND, entity.id, AssetForm.of(entity));
    }

    @Override
    public String kind() {
        return AssetForm.KIND;
    }

    @Override
    public boolean changes() {
        return true;
    }

    @Override
    @Transactional
    public Map<UUID, Object> forms(List<UUID> ids) {
        Map<UUID, Object> forms = new HashMap<>();
        repository.list("id in ?1", ids).forEach(a -> forms.put(a.id, AssetForm.of(a)));
        return forms;
    }

    @Override
    @Transactional
    public List<UUID> ids(UUID after, int limit) {
        return BoundForms.ids(repository.getEntityManager(), "AssetEntity", after, limit);
    }
}
