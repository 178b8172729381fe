package dev.governor.agent;

import dev.governor.api.ApiException;
import dev.governor.api.PageRequest;
import dev.governor.audit.AuditEvent;
import dev.governor.audit.AuditKind;
import dev.governor.audit.AuditTrail;
import dev.governor.identity.Caller;
import dev.governor.identity.UserView;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.persistence.OptimisticLockException;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The two ways an agent's grants change outside a full replacement: narrowed to a subset
 * (right-sizing), or widened by one approved grant request, the only path that widens. Kept
 * apart from AgentService's create and replace, and each audited as its own kind.
 */
@ApplicationScoped
public class AgentGrants {

    private static final AgentRepository.AgentFilter EVERY = new AgentRepository.AgentFilter(null, null);

    private final AgentRepository agents;
    private final AgentOwners owners;
    private final AuditTrail audit;
    private final Clock clock;
    private final Caller caller;

    AgentGrants(AgentRepository agents, AgentOwners owners, AuditTrail audit, Clock clock, Caller caller) {
        this.agents = agents;
        this.owners = owners;
        this.audit = audit;
        this.clock = clock;
        this.caller = caller;
    }

    /** Keeps only {@code keep}, which must be a subset of the current grants (422 naming the others). */
    @Transactional
    public Agent narrow(String id, Collection<String> keep, String reason) {
        AgentEntity agent = locked(id);
        List<String> foreign = new TreeSet<>(keep).stream().filter(p -> !agent.permissions.contains(p)).toList();
        if (!foreign.isEmpty()) {
            throw ApiException.unprocessable("permissions", "may only keep grants the agent holds; it does not hold "
                    + String.join(", ", foreign));
        }
        Set<String> before = new TreeSet<>(agent.permissions);
        agent.permissions.retainAll(Set.copyOf(keep));
        agent.grantEnds.keySet().retainAll(agent.permissions);
        Map<String, Object> payload = change(agent, before, reason);
        return audited(AuditKind.AGENT_PERMISSIONS_NARROWED, agent, payload);
    }

    /**
     * Adds one grant for an approved grant request, in the caller's transaction (the request's
     * approval is recorded in the same one). {@code payload} is what the audit record adds.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Agent add(String id, String permission, Map<String, Object> payload) {
        AgentEntity agent = locked(id);
        Set<String> before = new TreeSet<>(agent.permissions);
        agent.permissions.add(permission);
        agent.grantEnds.remove(permission); // what a second person approved now has no end
        Map<String, Object> body = change(agent, before, null);
        body.putAll(payload);
        return audited(AuditKind.GRANT_REQUEST_APPROVED, agent, body);
    }

    /** The agent's owner, for the checks of who may ask for and approve its grants. */
    @Transactional
    public String owner(String id) {
        AgentEntity agent = agents.findById(id);
        if (agent == null) throw ApiException.notFound("Agent", id);
        return agent.owner;
    }

    /** Every agent, a page at a time, sorted by id. */
    @Transactional
    public List<Agent> page(PageRequest page) {
        return agents.page(EVERY, page.page(), page.size()).stream().map(Agent::of).toList();
    }

    @Transactional
    public long count() {
        return agents.count(EVERY);
    }

    /** Agents whose owner is disabled, deleted or unknown, sorted by id. */
    @Transactional
    public List<Orphan> orphans() {
        List<Object[]> rows = agents.getEntityManager()
                .createQuery("select a.id, a.owner, a.suspended from AgentEntity a order by a.id", Object[].class)
                .getResultList();
        Map<String, UserView> known = owners.find(rows.stream().map(r -> (String) r[1]).toList());
        List<Orphan> orphans = new ArrayList<>();
        for (Object[] r : rows) {
            UserView owner = known.get((String) r[1]);
            if (owner != null && owner.active()) continue;
            orphans.add(new Orphan((String) r[0], (String) r[1], owner == null ? OwnerStatus.UNKNOWN : OwnerStatus.valueOf(owner.status().name()),
                    owner == null ? null : owner.inactiveSince(), (Boolean) r[2]));
        }
        return orphans;
    }

    private Map<String, Object> change(AgentEntity agent, Set<String> before, String reason) {
        agent.updatedAt = clock.instant().truncatedTo(ChronoUnit.MICROS);
        try {
            agents.flush();
        } catch (OptimisticLockException e) {
            throw ApiException.conflict("Agent '" + agent.id + "' was changed concurrently; read it and retry");
        }
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("agent", Agent.of(agent));
        payload.put("permissionsBefore", List.copyOf(before));
        if (reason != null) payload.put("reason", reason.strip());
        return payload;
    }

    private Agent audited(AuditKind kind, AgentEntity agent, Map<String, Object> payload) {
        audit.append(new AuditEvent(kind, agent.id, caller.name(), payload));
        return Agent.of(agent);
    }

    private AgentEntity locked(String id) {
        AgentEntity agent = agents.findById(id, LockModeType.PESSIMISTIC_WRITE);
        if (agent == null) throw ApiException.notFound("Agent", id);
        return agent;
    }
}
