package dev.governor.audit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The one place bound rows are turned into what the chain holds: the SHA-256 of the canonical JSON
 * text of each row's form. Used when a record binds a row, when {@code verify} recomputes it, and
 * when the bundle export writes the forms the offline verifier hashes, so all three agree.
 */
@ApplicationScoped
public class BoundForms {

    /** Rows loaded per round trip. */
    static final int PAGE = 200;

    private final CanonicalJson canonical;

    public BoundForms(CanonicalJson canonical) {
        this.canonical = canonical;
    }

    /** What a record carries to vouch for the row {@code id} of {@code kind} in the form {@code form}. */
    public Binding binding(String kind, UUID id, Object form) {
        return new Binding(kind, id.toString(), canonical.sha256(form));
    }

    /** The hash of each row's form as {@code owner}'s tables hold it now; ids with no row are absent. */
    Map<String, String> current(BoundRecords owner, Collection<String> ids) {
        Map<String, String> hashes = new HashMap<>();
        List<UUID> uuids = uuids(ids);
        if (uuids.isEmpty()) return hashes;
        owner.forms(uuids).forEach((id, form) -> hashes.put(id.toString(), canonical.sha256(form)));
        return hashes;
    }

    /** A row as the bundle export writes it: its canonical text, which hashes to its binding. */
    record Row(UUID id, String form) {
    }

    @FunctionalInterface
    interface RowSink {
        void accept(Row row) throws Exception;
    }

    /** Every row of {@code owner}, in id order, a page at a time (memory stays constant). */
    void each(BoundRecords owner, RowSink sink) throws Exception {
        UUID after = null;
        while (true) {
            List<UUID> ids = owner.ids(after, PAGE);
            if (ids.isEmpty()) return;
            Map<UUID, Object> forms = owner.forms(ids);
            for (UUID id : ids) {
                Object form = forms.get(id);
                if (form != null) sink.accept(new Row(id, canonical.write(form)));
            }
            after = ids.get(ids.size() - 1);
        }
    }

    /**
     * A page of ids of the entity {@code entity} (whose id is a UUID field {@code id}), for an
     * owner's {@link BoundRecords#ids}: keyset paging, so each page costs the same.
     */
    public static List<UUID> ids(EntityManager em, String entity, UUID after, int limit) {
        var query = em.createQuery("select e.id from " + entity + " e" + (after == null ? "" : " where e.id > :after")
                + " order by e.id", UUID.class).setMaxResults(limit);
        if (after != null) query.setParameter("after", after);
        return query.getResultList();
    }

    /** The ids that are UUIDs (the others name no row of a table keyed by UUID). */
    static List<UUID> uuids(Collection<String> ids) {
        List<UUID> out = new ArrayList<>();
        for (String id : ids) {
            try {
                out.add(UUID.fromString(id));
            } catch (IllegalArgumentException e) {
                // not a row's id
            }
        }
        return out;
    }
}
