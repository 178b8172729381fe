package dev.governor.decision;

import dev.governor.agent.AgentService;
import dev.governor.api.Roles;
import dev.governor.identity.Caller;
import jakarta.enterprise.context.RequestScoped;

/**
 * Who may speak for what became of a decision (confirm or dispute an outcome, record a human
 * action): a human who approves (approver, admin) or the agent's owner as registered now. Never
 * an agent key, the decision's own agent least of all.
 */
@RequestScoped
public class Reviewers {

    private final Caller caller;
    private final AgentService agents;

    public Reviewers(Caller caller, AgentService agents) {
        this.caller = caller;
        this.agents = agents;
    }

    /** @return the caller's name, to record as the actor */
    String require(String agentId) {
        if (caller.agentId().isPresent()) {
            throw Caller.forbidden("an agent key cannot review outcomes or act for a human");
        }
        String me = caller.name();
        if (caller.hasRole(Roles.APPROVER) || caller.hasRole(Roles.ADMIN)) return me;
        String owner = agents.facts(agentId).isPresent() ? agents.get(agentId).owner() : null;
        if (owner != null && owner.equalsIgnoreCase(me)) return me;
        throw Caller.forbidden(me + " is neither an approver nor the owner of agent " + agentId);
    }
}
