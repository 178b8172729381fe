package dev.governor.agent;

import dev.governor.api.ApiException;
import dev.governor.api.PageRequest;
import dev.governor.audit.AuditEvent;
import dev.governor.audit.AuditKind;
import dev.governor.audit.AuditTrail;
import dev.governor.api.Roles;
import dev.governor.identity.Caller;
import dev.governor.policy.EvaluationInput;
import dev.governor.policy.PolicyEngine;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import org.hibernate.jpa.HibernateHints;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

@ApplicationScoped
public class AgentService {

    private final AgentRepository agents;
    private final AuditTrail audit;
    private final Clock clock;
    private final Caller caller;
    private final AgentLevels levels;
    private final PolicyEngine policy;
    private final AgentOwners owners;

    public AgentService(AgentRepository agents, AuditTrail audit, Clock clock, Caller caller, AgentLevels levels,
                        PolicyEngine policy, AgentOwners owners) {
        this.caller = caller;
        this.levels = levels;
        this.policy = policy;
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
        return facts(id, clock.instant());
    }

    /**
     * As {@link #facts(String)}, at {@code now}: a grant whose end has come (at the instant itself,
     * too) is not among the permissions but among the ended grants, so the policy can say it ended.
     */
    @Transactional
    public Optional<EvaluationInput.AgentFacts> facts(String id, Instant now) {
        if (id == null) {
            return Optional.empty();
        }
        return agents.withSets(id)
                .withHint(HibernateHints.HINT_READ_ONLY, true)
                .singleResultOptional()
                .map(a -> {
                    Map<String, Instant> ended = new TreeMap<>();
                    a.grantEnds.forEach((grant, until) -> {
                        if (!now.isBefore(until) && a.permissions.contains(grant)) ended.put(grant, until);
                    });
                    Set<String> live = new TreeSet<>(a.permissions);
                    live.removeAll(ended.keySet());
                    return new EvaluationInput.AgentFacts(a.id, a.suspended, a.autonomyLevel,
                            Set.copyOf(a.environments), live, owners.orphaned(a.owner), ended);
                });
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

    /**
     * Registers an agent at OBSERVE in sandbox; only an admin may start one higher (bringing an
     * existing fleet under Governor), and that start is recorded as an override.
     */
    @Transactional
    public Agent create(String id, AgentSpec spec, String overrideReason) {
        boolean override = Escalation.aboveDefaults(spec);
        if (override && !caller.hasRole(Roles.ADMIN)) {
            throw Caller.forbidden("only an admin may register an agent above OBSERVE or outside sandbox; register it"
                    + " with the defaults and promote it (POST /v1/agents/" + id + "/promotions)");
        }
        owners.requireActive(spec.owner());
        if (agents.findById(id) != null) {
            throw ApiException.conflict("Agent '" + id + "' already exists");
        }
        AgentEntity agent = new AgentEntity();
        agent.id = id;
        apply(agent, spec);
        agent.createdAt = agent.updatedAt;
        agent.criteriaVersion = policy.current().criteriaVersion();
        try {
            agents.persistAndFlush(agent);
        } catch (PersistenceException e) {
            // Lost a race with a concurrent create of the same id.
            throw ApiException.conflict("Agent '" + id + "' already exists");
        }
        levels.record(id, agent.autonomyLevel, agent.environments, agent.createdAt, new AgentLevels.Cause(
                LevelChange.Kind.REGISTERED, caller.name(), override, overrideReason, null, null));
        return audited(AuditKind.AGENT_CREATED, Agent.of(agent));
    }

    /** AGENT or HUMAN_OPERATOR; empty when there is no such agent. */
    @Transactional
    public Optional<AgentKind> kind(String id) {
        return Optional.ofNullable(agents.findById(id)).map(a -> a.kind);
    }

    @Transactional
    public Agent get(String id) {
        return Agent.of(load(id));
    }

    @Transactional
    public List<Agent> list(AgentRepository.AgentFilter filter, PageRequest page) {
        return agents.page(filter, page.page(), page.size()).stream().map(Agent::of).toList();
    }

    /** Ids of the agents not suspended, sorted, a page at a time: what background jobs walk. */
    @Transactional
    public List<String> activeIds(int page, int size) {
        return agents.page(new AgentRepository.AgentFilter(null, false), page, size).stream().map(a -> a.id).toList();
    }

    @Transactional
    public long count(AgentRepository.AgentFilter filter) {
        return agents.count(filter);
    }

    /** Replaces the editable fields; raising, adding or widening is refused (409) by {@link Escalation}. */
    @Transactional
    public Agent replace(String id, AgentSpec spec) {
        AgentEntity agent = load(id);
        owners.requireActive(spec.owner());
        Escalation.refuse(agent, spec);
        boolean lowers = Escalation.lowers(agent, spec);
        apply(agent, spec);
        if (lowers) {
            levels.record(id, agent.autonomyLevel, agent.environments, agent.updatedAt, new AgentLevels.Cause(
                    LevelChange.Kind.LOWERED, caller.name(), false, null, null, null));
        }
        return audited(AuditKind.AGENT_UPDATED, saved(agent));
    }

    @Transactional
    public Agent suspend(String id, String reason) {
        return suspend(id, reason, caller.name());
    }

    /** As {@link #suspend(String, String)}, by a named actor: Governor itself, when drift calls for it. */
    @Transactional
    public Agent suspend(String id, String reason, String actor) {
        AgentEntity agent = load(id);
        if (agent.suspended) {
            throw ApiException.conflict("Agent '" + id + "' is already suspended");
        }
        agent.suspended = true;
        agent.suspendedReason = reason.trim();
        agent.updatedAt = now();
        Agent suspended = saved(agent);
        audit.append(new AuditEvent(AuditKind.AGENT_SUSPENDED, id, actor, suspended));
        return suspended;
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

    private Agent saved(AgentEntity agent) {
        return agents.saved(agent);
    }

    /** Audits the agent as it is after the change, with the authenticated caller as the actor. */
    private Agent audited(AuditKind kind, Agent agent) {
        audit.append(new AuditEvent(kind, agent.id(), caller.name(), agent));
        return agent;
    }

    private AgentEntity load(String id) {
        return agents.load(id);
    }

    private void apply(AgentEntity agent, AgentSpec spec) {
        agent.owner = spec.owner();
        agent.task = spec.task();
        agent.autonomyLevel = spec.autonomyLevel();
        agent.kind = spec.kind();
        // Mutate the managed collections in place so Hibernate diffs rows instead of replacing the set.
        agent.environments.retainAll(spec.environments());
        agent.environments.addAll(spec.environments());
        agent.permissions.retainAll(spec.permissions());
        agent.permissions.addAll(spec.permissions());
        agent.grantEnds.keySet().retainAll(spec.grantsUntil().keySet());
        agent.grantEnds.putAll(spec.grantsUntil());
        agent.updatedAt = now();
    }

    private Instant now() {
        return AgentRepository.now(clock);
    }

    /** The clock the agent's grant ends are read against. */
    Clock clock() {
        return clock;
    }
}
