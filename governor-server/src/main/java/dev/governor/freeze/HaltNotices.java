package dev.governor.freeze;

import dev.governor.GovernorConfig;
import dev.governor.agent.AgentGrants;
import dev.governor.api.ApiException;
import dev.governor.approval.ApprovalWebhook;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Tells the owners a scoped halt stops, through the approval webhook, once the halt (or its
 * lifting) has committed: a halt that rolled back is never announced.
 */
@ApplicationScoped
public class HaltNotices {

    /**
     * The webhook message; {@code event} is {@code halt.declared} or {@code halt.lifted}. {@code owners}
     * names the owners of the agents a halt stops when the scope says who they are (an owner, an
     * agent); it is empty for a scope over environments, tiers, action types or classes, or one
     * session, which stop whichever agents act there: the receiver tells every owner.
     */
    public record HaltNotice(String event, UUID haltId, Map<String, String> scope, String reason, String by,
                             Instant until, List<String> owners, String link) {
    }

    /** What committed; the owners are looked up after the commit, outside the halt's transaction. */
    public record Change(String event, ScopedHalt halt, String by) {
    }

    private final Event<Change> events;
    private final ApprovalWebhook webhook;
    private final AgentGrants agents;
    private final String linkBase;

    public HaltNotices(Event<Change> events, ApprovalWebhook webhook, AgentGrants agents, GovernorConfig config) {
        this.events = events;
        this.webhook = webhook;
        this.agents = agents;
        this.linkBase = config.approval().linkBase().replaceAll("/+$", "");
    }

    void declared(ScopedHalt halt) {
        fire("halt.declared", halt, halt.createdBy());
    }

    void lifted(ScopedHalt halt) {
        fire("halt.lifted", halt, halt.liftedBy());
    }

    private void fire(String event, ScopedHalt halt, String by) {
        events.fire(new Change(event, halt, by));
    }

    private List<String> owners(ScopedHalt halt) {
        String owner = halt.scope().get(HaltScope.OWNER.key);
        if (owner != null) return List.of(owner);
        String agent = halt.scope().get(HaltScope.AGENT.key);
        if (agent == null) return List.of();
        try {
            String of = agents.owner(agent);
            return of == null ? List.of() : List.of(of);
        } catch (ApiException unknownAgent) {
            return List.of();
        }
    }

    void onCommit(@Observes(during = TransactionPhase.AFTER_SUCCESS) Change change) {
        ScopedHalt halt = change.halt();
        webhook.post(new HaltNotice(change.event(), halt.id(), halt.scope(), halt.reason(), change.by(), halt.until(),
                owners(halt), linkBase + "/v1/halts/" + halt.id()));
    }
}
