package dev.governor.breakglass;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
class ExceptionRepository implements PanacheRepositoryBase<ExceptionEntity, UUID> {

    /** In force at {@code now}: the same test as {@link ExceptionEntity#statusAt} giving ACTIVE, in the database. */
    private static final String ACTIVE = "status = :active and endsAt > :now";

    List<ExceptionEntity> activeFor(String agentId, Instant now) {
        return find(ACTIVE + " and agentId = :agent", Sort.by("requestedAt").and("id"),
                Parameters.with("active", ExceptionStatus.ACTIVE).and("now", now).and("agent", agentId)).list();
    }

    long countActiveAt(Instant now) {
        return count(ACTIVE, Parameters.with("active", ExceptionStatus.ACTIVE).and("now", now));
    }

    /** Newest first; {@code activeOnly} keeps those in force, {@code agentId} (if not null) one agent's. */
    List<ExceptionEntity> page(boolean activeOnly, String agentId, Instant now, int page, int size) {
        List<String> where = new ArrayList<>();
        Parameters params = new Parameters();
        if (activeOnly) {
            where.add(ACTIVE);
            params.and("active", ExceptionStatus.ACTIVE).and("now", now);
        }
        if (agentId != null) {
            where.add("agentId = :agent");
            params.and("agent", agentId);
        }
        Sort sort = Sort.descending("requestedAt").and("id");
        var query = where.isEmpty() ? findAll(sort) : find(String.join(" and ", where), sort, params);
        return query.page(page, size).list();
    }
}
