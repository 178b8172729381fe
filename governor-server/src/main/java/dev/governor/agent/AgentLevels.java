package dev.governor.agent;

import dev.governor.policy.AutonomyLevel;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/** The append-only history of an agent's level and environments (agent_levels). */
@ApplicationScoped
class AgentLevels implements PanacheRepositoryBase<AgentLevelEntity, UUID> {

    /** What the change was, beyond the agent's state after it. */
    record Cause(LevelChange.Kind kind, String actor, boolean override, String reason, UUID promotionId,
                 String source) {
    }

    void record(String agentId, AutonomyLevel level, Set<String> environments, Instant at, Cause cause) {
        AgentLevelEntity e = new AgentLevelEntity();
        e.id = UUID.randomUUID();
        e.agentId = agentId;
        e.changedAt = at;
        e.kind = cause.kind();
        e.autonomyLevel = level.name();
        e.environments = String.join(",", new TreeSet<>(environments));
        e.actor = cause.actor();
        e.override = cause.override();
        e.reason = cause.reason();
        e.promotionId = cause.promotionId();
        e.source = cause.source();
        persist(e);
    }

    @Transactional
    List<LevelChange> of(String agentId) {
        return find("agentId = ?1 order by changedAt, id", agentId).page(0, 1000).stream().map(LevelChange::of).toList();
    }
}
