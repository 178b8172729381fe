package dev.governor.agent;

import dev.governor.audit.AuditEvent;
import dev.governor.audit.AuditKind;
import dev.governor.audit.AuditTrail;
import dev.governor.identity.UserDeactivated;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * When a user is disabled or deleted, every agent they own becomes an orphan. Nobody is notified
 * (the owner is the one who is gone): each orphaning is audited, in the transaction that ended
 * the user, and GET /v1/reports/orphans lists them.
 */
@ApplicationScoped
class OrphanWatch {

    private final AgentRepository agents;
    private final AuditTrail audit;

    OrphanWatch(AgentRepository agents, AuditTrail audit) {
        this.agents = agents;
        this.audit = audit;
    }

    void onDeactivated(@Observes UserDeactivated user) {
        for (AgentEntity agent : agents.list("owner = ?1 order by id", user.name())) {
            Map<String, Object> payload = new LinkedHashMap<>();
            payload.put("agentId", agent.id);
            payload.put("formerOwner", user.name());
            payload.put("ownerStatus", user.status().name());
            audit.append(new AuditEvent(AuditKind.AGENT_ORPHANED, agent.id, user.actor(), payload));
        }
    }
}
