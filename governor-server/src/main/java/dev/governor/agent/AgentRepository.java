package dev.governor.agent;

import dev.governor.api.ApiException;
import jakarta.persistence.OptimisticLockException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

@ApplicationScoped
class AgentRepository implements PanacheRepositoryBase<AgentEntity, String> {

    /** The agent with both sets, in one SQL statement. */
    PanacheQuery<AgentEntity> withSets(String id) {
        return find("select distinct a from AgentEntity a left join fetch a.environments "
                + "left join fetch a.permissions where a.id = ?1", id);
    }

    List<AgentEntity> page(AgentFilter filter, int page, int size) {
        return find(filter.where(), Sort.by("id"), filter.parameters()).page(Page.of(page, size)).list();
    }

    long count(AgentFilter filter) {
        return count(filter.where(), filter.parameters());
    }

    /** Optional list filters; absent ones match everything. */
    record AgentFilter(String owner, Boolean suspended) {

        // Built from the filters present: "? is null" tricks leave PostgreSQL guessing parameter types.
        String where() {
            List<String> clauses = new ArrayList<>();
            clauses.add("1 = 1");
            if (owner != null) {
                clauses.add("owner = :owner");
            }
            if (suspended != null) {
                clauses.add("suspended = :suspended");
            }
            return String.join(" and ", clauses);
        }

        Map<String, Object> parameters() {
            Map<String, Object> parameters = new HashMap<>();
            if (owner != null) {
                parameters.put("owner", owner);
            }
            if (suspended != null) {
                parameters.put("suspended", suspended);
            }
            return parameters;
        }
    }

    AgentEntity load(String id) {
        return withSets(id).singleResultOptional().orElseThrow(() -> ApiException.notFound("Agent", id));
    }

    /** Flushes here, not at commit, so a concurrent edit surfaces as 409 instead of a failed commit. */
    Agent saved(AgentEntity agent) {
        try {
            flush();
        } catch (OptimisticLockException e) {
            throw ApiException.conflict("Agent '" + agent.id + "' was changed concurrently; read it and retry");
        }
        return Agent.of(agent);
    }

    // Databases keep microseconds; truncating keeps what we return equal to what we stored.
    static Instant now(Clock clock) {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
