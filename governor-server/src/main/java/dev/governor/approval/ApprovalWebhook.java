package dev.governor.approval;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.governor.GovernorConfig;
import dev.governor.api.WebhookSender;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;

import java.net.URI;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/**
 * Tells approvers (a chat hook, a ticketing system) when an approval opens and when it closes,
 * after the change has committed. Asynchronous: a slow or failing receiver never delays or fails
 * a decision. Off unless {@code governor.approval.webhook.url} is set.
 */
@ApplicationScoped
public class ApprovalWebhook {

    /** The message body; {@code link} is where an approver reads and decides the approval. */
    public record Message(String event, UUID approvalId, UUID decisionId, UUID planId, String agentId,
                          String status, String link) {
    }

    private final GovernorConfig config;
    private final ObjectMapper mapper;
    private final ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(2, r -> {
        Thread t = new Thread(r, "approval-webhook");
        t.setDaemon(true);
        return t;
    });
    private final WebhookSender sender;

    public ApprovalWebhook(GovernorConfig config, ObjectMapper mapper) {
        this.config = config;
        this.mapper = mapper;
        var hook = config.approval().webhook();
        this.sender = new WebhookSender("approval webhook", scheduler, hook.attempts(), hook.backoff(), hook.timeout());
    }

    void onCommit(@Observes(during = TransactionPhase.AFTER_SUCCESS) ApprovalChanged change) {
        config.approval().webhook().url().ifPresent(url -> send(URI.create(url), change));
    }

    CompletableFuture<Boolean> send(URI url, ApprovalChanged change) {
        String link = config.approval().linkBase().replaceAll("/+$", "") + "/v1/approvals/" + change.approvalId();
        Message message = new Message(change.event().name(), change.approvalId(), change.decisionId(),
                change.planId(), change.agentId(), change.status().name(), link);
        try {
            return sender.send(url, mapper.writeValueAsString(message));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise webhook message", e);
        }
    }

    /** Whether a receiver is configured: a notice claimed once must not be spent on nobody. */
    public boolean configured() {
        return config.approval().webhook().url().isPresent();
    }

    /**
     * Any other message for the people the webhook reaches (an agent's drift, for its owner), sent
     * the same way; call it after commit. Completes false when no webhook is configured.
     */
    public CompletableFuture<Boolean> post(Object message) {
        var url = config.approval().webhook().url();
        if (url.isEmpty()) return CompletableFuture.completedFuture(false);
        try {
            return sender.send(URI.create(url.get()), mapper.writeValueAsString(message));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise webhook message", e);
        }
    }

    @PreDestroy
    void stop() {
        scheduler.shutdownNow();
    }
}
