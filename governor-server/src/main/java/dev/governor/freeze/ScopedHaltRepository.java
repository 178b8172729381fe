package dev.governor.freeze;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

@ApplicationScoped
class ScopedHaltRepository implements PanacheRepositoryBase<ScopedHaltEntity, UUID> {

    /** In force at {@code now}: the same test as {@link ScopedHaltEntity#activeAt}, in the database. */
    private static final String ACTIVE = "liftedAt is null and (endsAt is null or endsAt > :now)";

    List<ScopedHaltEntity> activeAt(Instant now) {
        return find(ACTIVE, Sort.by("createdAt").and("id"), Map.<String, Object>of("now", now)).list();
    }

    long countActiveAt(Instant now) {
        return count(ACTIVE, Map.<String, Object>of("now", now));
    }

    List<ScopedHaltEntity> all(boolean activeOnly, Instant now, int page, int size) {
        var query = activeOnly ? find(ACTIVE, Sort.descending("createdAt").and("id"), Map.<String, Object>of("now", now))
                : findAll(Sort.descending("createdAt").and("id"));
        return query.page(page, size).list();
    }
}
