package dev.governor.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Compares the rows intact audit records bind ({@code binds} in their payload) with the rows as
 * their owners ({@link BoundRecords}) recompute them now. Rows that never change are looked up in
 * batches as the walk goes, so memory stays bounded; for rows that legitimately change (approvals)
 * only the latest binding must hold, so those are remembered per id and looked up at the end.
 */
final class BindingCheck {

    static final String FIELD = "binds";
    private static final int BATCH = 200;

    private final Map<String, BoundRecords> owners;
    private final ObjectMapper mapper;
    private final BoundForms forms;
    private final List<Bound> pending = new ArrayList<>();
    private final Map<String, Map<String, Bound>> latest = new HashMap<>();
    private final FirstBreak first = new FirstBreak();
    private final Map<String, UuidSet> seen = new HashMap<>();

    BindingCheck(Collection<BoundRecords> owners, BoundForms forms, ObjectMapper mapper) {
        this.forms = forms;
        this.owners = new HashMap<>();
        owners.forEach(o -> this.owners.put(o.kind(), o));
        this.mapper = mapper;
    }

    private record Bound(long seq, Binding binding) {
    }

    /** Takes note of the bindings of a record whose own hash and links already verified. */
    void accept(ChainRecord r) {
        if (!r.payload().contains("\"" + FIELD + "\":")) return;
        JsonNode binds;
        try {
            binds = mapper.readTree(r.payload()).get(FIELD);
        } catch (Exception e) {
            first.at(r.seq(), "the payload is not JSON");
            return;
        }
        if (binds == null) return;
        for (JsonNode b : binds) {
            Binding binding = new Binding(b.path("kind").asText(), b.path("id").asText(), b.path("sha256").asText());
            BoundRecords owner = owners.get(binding.kind());
            if (owner != null) {
                BoundForms.uuids(List.of(binding.id())).forEach(id -> seen.computeIfAbsent(binding.kind(), k -> new UuidSet()).add(id));
            }
            if (owner == null) {
                first.at(r.seq(), "record " + r.seq() + " binds a " + binding.kind() + ", which nothing in Governor stores");
            } else if (owner.changes()) {
                latest.computeIfAbsent(binding.kind(), k -> new HashMap<>()).put(binding.id(), new Bound(r.seq(), binding));
            } else {
                pending.add(new Bound(r.seq(), binding));
            }
        }
        if (pending.size() >= BATCH) resolvePending();
    }

    /** Looks up everything still pending; call once the walk is over. */
    void finish() {
        resolvePending();
        for (Map<String, Bound> byId : latest.values()) {
            List<Bound> all = new ArrayList<>(byId.values());
            for (int i = 0; i < all.size(); i += BATCH) {
                resolve(all.subList(i, Math.min(all.size(), i + BATCH)));
            }
        }
        latest.clear();
    }

    private void resolvePending() {
        resolve(pending);
        pending.clear();
    }

    private void resolve(List<Bound> bounds) {
        Map<String, List<Bound>> byKind = new LinkedHashMap<>();
        bounds.forEach(b -> byKind.computeIfAbsent(b.binding().kind(), k -> new ArrayList<>()).add(b));
        byKind.forEach((kind, list) -> {
            Map<String, String> now = forms.current(owners.get(kind), list.stream().map(b -> b.binding().id()).distinct().toList());
            for (Bound b : list) {
                String current = now.get(b.binding().id());
                if (current == null) {
                    first.at(b.seq(), FirstBreak.missing(kind + " " + b.binding().id(), b.seq()));
                } else if (!current.equals(b.binding().sha256())) {
                    first.at(b.seq(), FirstBreak.differs(kind + " " + b.binding().id(), b.seq()));
                }
            }
        });
    }

    /** Of the rows {@code ids} of {@code kind}, those no record seen so far binds. */
    List<UUID> unbound(String kind, List<UUID> ids) {
        UuidSet bound = seen.getOrDefault(kind, new UuidSet());
        return ids.stream().filter(id -> !bound.contains(id)).toList();
    }

    /** The earliest record whose bound rows fail; its seq is null while none does. */
    FirstBreak first() {
        return first;
    }
}
