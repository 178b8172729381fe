package dev.governor.audit;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The owner of rows that audit records bind ({@link Binding}): loads their canonical forms from
 * its own tables, so the verifier and the bundle export can hash them ({@link BoundForms} does the
 * hashing, once for every owner). Implemented by the features that own the rows (decisions,
 * outcomes, approvals, plans); the chain never reads their tables.
 */
public interface BoundRecords {

    /** The {@link Binding#kind()} this owner answers for. */
    String kind();

    /**
     * Whether the row legitimately changes after it is bound (an approval's status): then only the
     * latest record binding it must match the row as it is now, and it may be bound many times;
     * otherwise exactly one record binds it.
     */
    boolean changes();

    /** Each row's canonical form as the tables hold it now (any value {@link CanonicalJson} writes); ids with no row are absent. */
    Map<UUID, Object> forms(List<UUID> ids);

    /** Up to {@code limit} ids of its rows in ascending order, after {@code after} (null: from the first). */
    List<UUID> ids(UUID after, int limit);
}
