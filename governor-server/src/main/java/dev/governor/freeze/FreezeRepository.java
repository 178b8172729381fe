package dev.governor.freeze;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

@ApplicationScoped
class FreezeRepository implements PanacheRepositoryBase<FreezeEntity, UUID> {

    /** In force at {@code now}: the same test as {@link FreezeEntity#activeAt}, in the database. */
    static final String ACTIVE = "liftedAt is null and startsAt <= :now and endsAt > :now";

    List<FreezeEntity> activeAt(Instant now) {
        return find(ACTIVE, Sort.by("startsAt").and("id"), Map.<String, Object>of("now", now)).list();
    }

    /** Uses the (environment, starts_at, ends_at) index; {@code *} freezes apply everywhere. */
    List<FreezeEntity> activeAt(Instant now, String environment) {
        return find("environment in (:environment, '*') and " + ACTIVE, Sort.by("startsAt").and("id"),
                Map.<String, Object>of("now", now, "environment", environment)).list();
    }

    List<FreezeEntity> page(FreezeFilter filter, Instant now, int page, int size) {
        return find(filter.where(), Sort.descending("startsAt").and("id"), filter.parameters(now))
                .page(Page.of(page, size)).list();
    }

    long count(FreezeFilter filter, Instant now) {
        return count(filter.where(), filter.parameters(now));
    }

    /** Optional list filters; absent ones match everything. */
    record FreezeFilter(Boolean active, String environment) {

        String where() {
            List<String> clauses = new ArrayList<>();
            clauses.add("1 = 1");
            if (Boolean.TRUE.equals(active)) {
                clauses.add(ACTIVE);
            } else if (Boolean.FALSE.equals(active)) {
                clauses.add("not (" + ACTIVE + ")");
            }
            if (environment != null) {
                clauses.add("environment = :environment");
            }
            return String.join(" and ", clauses);
        }

        Map<String, Object> parameters(Instant now) {
            Map<String, Object> parameters = new HashMap<>();
            if (active != null) {
                parameters.put("now", now);
            }
            if (environment != null) {
                parameters.put("environment", environment);
            }
            return parameters;
        }
    }
}
