package dev.governor.agent;

import dev.governor.api.ApiException;
import dev.governor.audit.AuditEvent;
import dev.governor.audit.AuditKind;
import dev.governor.audit.AuditTrail;
import dev.governor.policy.AutonomyLevel;
import dev.governor.policy.PromotionStep;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The changes of what an agent may do that are not edits: a promotion a second person signed
 * off (the autonomy package asks), Governor's own demotion on drift, and their history.
 */
@ApplicationScoped
public class AgentLevelChanges {

    private final AgentRepository agents;
    private final AgentLevels levels;
    private final AuditTrail audit;
    private final Clock clock;

    public AgentLevelChanges(AgentRepository agents, AgentLevels levels, AuditTrail audit, Clock clock) {
        this.agents = agents;
        this.levels = levels;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Applies a promotion a second person signed off: the level or environment it names, provided
     * the agent still stands where it stood when the promotion was asked for.
     *
     * @param from the level (LEVEL) the agent had when the promotion was asked for
     */
    @Transactional
    public Agent promote(String id, PromotionStep.Change change, String from, String to, LevelChangeCause cause) {
        AgentEntity agent = agents.load(id);
        if (change == PromotionStep.Change.LEVEL) {
            if (!agent.autonomyLevel.name().equals(from)) {
                throw ApiException.conflict("agent '" + id + "' is at " + agent.autonomyLevel + ", not " + from
                        + " as when the promotion was asked for; ask again");
            }
            agent.autonomyLevel = AutonomyLevel.valueOf(to);
        } else if (!agent.environments.add(to)) {
            throw ApiException.conflict("agent '" + id + "' already works in " + to);
        }
        agent.updatedAt = AgentRepository.now(clock);
        levels.record(id, agent.autonomyLevel, agent.environments, agent.updatedAt, new AgentLevels.Cause(
                LevelChange.Kind.PROMOTED, cause.actor(), cause.override(), cause.reason(), cause.promotionId(), null));
        Agent promoted = agents.saved(agent);
        audit.append(new AuditEvent(AuditKind.AGENT_PROMOTED, id, cause.actor(), Map.of("agent", promoted,
                "promotionId", cause.promotionId().toString(), "change", change.name(), "from", from, "to", to)));
        return promoted;
    }

    /**
     * Governor's own step down, one level, on drift: recorded as AGENT_DEMOTED with the numbers
     * behind it. Empty when the agent is already at the lowest level (or unknown).
     */
    @Transactional
    public Optional<Agent> demote(String id, String reason, String source, Object numbers) {
        AgentEntity agent = agents.withSets(id).singleResultOptional().orElse(null);
        if (agent == null || agent.autonomyLevel == AutonomyLevel.OBSERVE) return Optional.empty();
        AutonomyLevel from = agent.autonomyLevel;
        agent.autonomyLevel = AutonomyLevel.values()[from.ordinal() - 1];
        agent.updatedAt = AgentRepository.now(clock);
        levels.record(id, agent.autonomyLevel, agent.environments, agent.updatedAt, new AgentLevels.Cause(
                LevelChange.Kind.DEMOTED, AuditEvent.SYSTEM, false, reason, null, source));
        Agent demoted = agents.saved(agent);
        audit.append(new AuditEvent(AuditKind.AGENT_DEMOTED, id, AuditEvent.SYSTEM, Map.of("agent", demoted,
                "from", from.name(), "to", demoted.autonomyLevel().name(), "reason", reason, "source", source,
                "numbers", numbers)));
        return Optional.of(demoted);
    }

    /** Who changed what the agent may do, oldest first. */
    @Transactional
    public List<LevelChange> levels(String id) {
        agents.load(id);
        return levels.of(id);
    }

    /** Who applied a promotion, on whose request, and whether it skipped unmet criteria. */
    public record LevelChangeCause(String actor, boolean override, String reason, UUID promotionId) {
    }
}
