package dev.governor.audit;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The owner of rows that audit records bind ({@link Binding}): recomputes their canonical forms
 * from its own tables so the verifier can compare them with what the chain holds. Implemented by
 * the features that own the rows (decisions, approvals); the chain never reads their tables.
 */
public interface BoundRecords {

    /** The {@link Binding#kind()} this owner answers for. */
    String kind();

    /**
     * Whether the row legitimately changes after it is bound (an approval's status): then only the
     * latest record binding it must match the row as it is now; earlier ones held then.
     */
    boolean changes();

    /** The SHA-256 of each row's canonical form as the tables hold it now; ids with no row are absent. */
    Map<String, String> current(Collection<String> ids);

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
