package dev.governor.autonomy;

import dev.governor.agent.Agent;
import dev.governor.approval.ApprovalWebhook;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;

/**
 * Tells an agent's owner what drift did to it, through the approval webhook, once the change has
 * committed: a rolled-back demotion is never announced.
 */
@ApplicationScoped
public class OwnerNotices {

    /** The webhook message; {@code event} is {@code agent.drift}. */
    public record DriftNotice(String event, String agentId, String owner, String response, String source,
                              String message, Double driftScore, Double denyRateIncrease, Double rollbackRate,
                              Double disputeRate, boolean incident, String link) {
    }

    private final Event<DriftNotice> events;
    private final ApprovalWebhook webhook;
    private final String linkBase;

    public OwnerNotices(Event<DriftNotice> events, ApprovalWebhook webhook, dev.governor.GovernorConfig config) {
        this.events = events;
        this.webhook = webhook;
        this.linkBase = config.approval().linkBase().replaceAll("/+$", "");
    }

    void drift(Agent agent, DriftResponder.Applied applied) {
        var s = applied.signals();
        events.fire(new DriftNotice("agent.drift", agent.id(), agent.owner(), applied.response().name(), applied.source(),
                applied.message(), s.driftScore(), s.denyRateIncrease(), s.rollbackRate(), s.disputeRate(), s.incident(),
                linkBase + "/v1/agents/" + agent.id() + "/levels"));
    }

    void onCommit(@Observes(during = TransactionPhase.AFTER_SUCCESS) DriftNotice notice) {
        webhook.post(notice);
    }
}
