package dev.governor.agent;

import dev.governor.api.ApiException;
import dev.governor.api.PageRequest;
import dev.governor.audit.AuditEvent;
import dev.governor.audit.AuditKind;
import dev.governor.audit.AuditTrail;
import dev.governor.identity.Caller;
import dev.governor.policy.EvaluationInput;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import org.hibernate.jpa.HibernateHints;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.Set;

@ApplicationScoped
public class AgentService {

    private final AgentRepository agents;
    private final AuditTrail audit;
    private final Clock clock;
    private final Caller caller;
    private final AgentOwners owners;

    public AgentService(AgentRepository agents, AuditTrail audit, Clock clock, Caller caller, AgentOwners owners) {
        this.caller = caller;
        this.owners = owners;
        this.agents = agents;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * What the policy needs to know about an agent, for the decision hot path: one read-only
     * query, joining in the current transaction if there is one. Empty when the id is unknown.
     */
    @Transactional
    public Optional<EvaluationInput.AgentFacts> facts(String id) {
        if (id == null) {
            return Optional.empty();
        }
        return agents.withSets(id)
                .withHint(HibernateHints.HINT_READ_ONLY, true)
                .singleResultOptional()
                .map(a -> new EvaluationInput.AgentFacts(a.id, a.suspended, a.autonomyLevel,
                        Set.copyOf(a.environments), Set.copyOf(a.permissions), owners.orphaned(a.owner)));
    }

    /**
     * Holds the agent's row until the caller's transaction ends, so one agent's mutating
     * decisions are taken one after another and each reads the budget totals the previous one
     * left; without it two concurrent steps could both slip under a limit. Other agents are not
     * held up. Unknown ids lock nothing (they are denied anyway). Native SQL, on this package's own
     * table, because the lock is all that is wanted: no entity, no sets loaded.
     */
    @Transactional
    public void serialiseDecisions(String id) {
        agents.getEntityManager()
                .createNativeQuery("SELECT id FROM agents WHERE id = ?1 FOR UPDATE")
                .setParameter(1, id)
                .getResultList();
    }

    @Transactional
    public Agent create(String id, AgentSpec spec) {
        owners.requireActive(spec.owner());
        if (agents.findById(id) != null) {
            throw ApiException.conflict("Agent '" + id + "' already exists");
        }
        AgentEntity agent = new AgentEntity();
        agent.id = id;
        apply(agent, spec);
        agent.createdAt = agent.updatedAt;
        try {
            agents.persistAndFlush(agent);
        } catch (PersistenceException e) {
            // Lost a race with a concurrent create of the same id.
            throw ApiException.conflict("Agent '" + id + "' already exists");
        }
        return audited(AuditKind.AGENT_CREATED, Agent.of(agent));
    }

    @Transactional
    public Agent get(String id) {
        return Agent.of(load(id));
    }

    @Transactional
    public List<Agent> list(AgentRepository.AgentFilter filter, PageRequest page) {
        return agents.page(filter, page.page(), page.size()).stream().map(Agent::of).toList();
    }

    @Transactional
    public long count(AgentRepository.AgentFilter filter) {
        return agents.count(filter);
    }

    @Transactional
    public Agent replace(String id, AgentSpec spec) {
        AgentEntity agent = load(id);
        owners.requireActive(spec.owner());
        apply(agent, spec);
        return audited(AuditKind.AGENT_UPDATED, saved(agent));
    }

    @Transactional
    public Agent suspend(String id, String reason) {
        AgentEntity agent = load(id);
        if (agent.suspended) {
            throw ApiException.conflict("Agent '" + id + "' is already suspended");
        }
        agent.suspended = true;
        agent.suspendedReason = reason.trim();
        agent.updatedAt = now();
        return audited(AuditKind.AGENT_SUSPENDED, saved(agent));
    }

    @Transactional
    public Agent resume(String id) {
        AgentEntity agent = load(id);
        if (!agent.suspended) {
            throw ApiException.conflict("Agent '" + id + "' is not suspended");
        }
        agent.suspended = false;
        agent.suspendedReason = null;
        agent.updatedAt = now();
        return audited(AuditKind.AGENT_RESUMED, saved(agent));
    }

    /** Flushes here, not at commit, so a concurrent edit surfaces as 409 instead of a failed commit. */
    private Agent saved(AgentEntity agent) {
        try {
            agents.flush();
        } catch (OptimisticLockException e) {
            throw ApiException.conflict("Agent '" + agent.id + "' was changed concurrently; read it and retry");
        }
        return Agent.of(agent);
    }

    /** Audits the agent as it is after the change, with the authenticated caller as the actor. */
    private Agent audited(AuditKind kind, Agent agent) {
        audit.append(new AuditEvent(kind, agent.id(), caller.name(), agent));
        return agent;
    }

    private AgentEntity load(String id) {
        return agents.withSets(id).singleResultOptional().orElseThrow(() -> ApiException.notFound("Agent", id));
    }

    private void apply(AgentEntity agent, AgentSpec spec) {
        agent.owner = spec.owner();
        agent.task = spec.task();
        agent.autonomyLevel = spec.autonomyLevel();
        // Mutate the managed collections in place so Hibernate diffs rows instead of replacing the set.
        agent.environments.retainAll(spec.environments());
        agent.environments.addAll(spec.environments());
        agent.permissions.retainAll(spec.permissions());
        agent.permissions.addAll(spec.permissions());
        agent.updatedAt = now();
    }

    // Databases keep microseconds; truncating keeps what we return equal to what we stored.
    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
