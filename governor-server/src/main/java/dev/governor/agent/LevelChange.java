package dev.governor.agent;

import dev.governor.policy.AutonomyLevel;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * An entry of {@code GET /v1/agents/{id}/levels}: what the agent could do from then on, who
 * changed it and why.
 *
 * @param override true when the change skipped the evidence: a registration above the defaults, or
 *                 a promotion an admin pushed past unmet criteria (with its reason)
 */
public record LevelChange(UUID id, Instant changedAt, Kind kind, AutonomyLevel autonomyLevel,
                          List<String> environments, String actor, boolean override, String reason,
                          UUID promotionId, String source) {

    public enum Kind { REGISTERED, PROMOTED, LOWERED, DEMOTED }

    static LevelChange of(AgentLevelEntity e) {
        return new LevelChange(e.id, e.changedAt, e.kind, AutonomyLevel.valueOf(e.autonomyLevel),
                e.environments.isEmpty() ? List.of() : Arrays.asList(e.environments.split(",")), e.actor,
                e.override, e.reason, e.promotionId, e.source);
    }
}
