package dev.governor.autonomy;

import dev.governor.GovernorConfig;
import dev.governor.agent.AgentGrants;
import dev.governor.api.ApiException;
import dev.governor.approval.ApprovalWebhook;
import dev.governor.identity.AgentKeys;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;

/**
 * Tells an agent's owner, once a key, that the agent's key is inside its warning time
 * (decision-tables/key-lifetimes.dmn), so that someone rotates it before the agent gets 401s.
 * The agent itself is told on every answer (the {@code Governor-Key-Expires} and {@code Warning}
 * headers); this is the owner's copy, through the approval webhook. Here beside {@link OwnerNotices}
 * rather than in agent/, which the approval package depends on.
 */
@ApplicationScoped
public class KeyEndNotices {

    /** The webhook message; {@code event} is {@code key.expiring}. */
    public record KeyNotice(String event, String agentId, String owner, String keyPrefix, Instant expiresAt,
                            String link) {
    }

    /** Keys told per run; the rest wait for the next run. */
    private static final int BATCH = 500;

    private final AgentKeys keys;
    private final AgentGrants agents;
    private final ApprovalWebhook webhook;
    private final String linkBase;

    public KeyEndNotices(AgentKeys keys, AgentGrants agents, ApprovalWebhook webhook, GovernorConfig config) {
        this.keys = keys;
        this.agents = agents;
        this.webhook = webhook;
        this.linkBase = config.approval().linkBase().replaceAll("/+$", "");
    }

    @Scheduled(identity = "key-end-notices", every = "${governor.auth.key-notice-every:15m}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void run() {
        notifyDue();
    }

    /** @return how many owners this run told (each claim has committed before its message is sent) */
    public int notifyDue() {
        // Unclaimed until a receiver exists: configuring the webhook later still tells the owners.
        if (!webhook.configured()) return 0;
        var due = keys.claimEndNotices(BATCH);
        for (AgentKeys.KeyEnd end : due) {
            webhook.post(new KeyNotice("key.expiring", end.agentId(), owner(end.agentId()), end.prefix(),
                    end.expiresAt(), linkBase + "/v1/agents/" + end.agentId()));
        }
        return due.size();
    }

    private String owner(String agentId) {
        try {
            return agents.owner(agentId);
        } catch (ApiException gone) {
            return null;
        }
    }
}
