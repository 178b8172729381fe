package dev.governor.decision;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.governor.GovernorConfig;
import dev.governor.api.WebhookSender;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import org.jboss.logging.Logger;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/**
 * Asks an outside verifier ({@code governor.outcomes.verifier-url}) whether a claimed outcome
 * holds, after the claim has committed: POST {@code {decision, expectedEffect, outcome}}; a 2xx
 * JSON answer {@code {"verdict": "CONFIRMED"|"DISPUTED", "comment": "..."}} becomes a review by
 * actor {@code verifier}. Asynchronous, bounded in time and retries: the claim's answer never
 * waits for it, and a verifier that is down or answers nonsense leaves the claim unreviewed.
 */
@ApplicationScoped
public class OutcomeVerifier {

    private static final Logger LOG = Logger.getLogger(OutcomeVerifier.class);

    private final GovernorConfig config;
    private final ObjectMapper mapper;
    private final DecisionStore store;
    private final OutcomeReviews reviews;
    private final ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(1, r -> {
        Thread t = new Thread(r, "outcome-verifier");
        t.setDaemon(true);
        return t;
    });
    private final WebhookSender sender;

    public OutcomeVerifier(GovernorConfig config, ObjectMapper mapper, DecisionStore store, OutcomeReviews reviews) {
        this.config = config;
        this.mapper = mapper;
        this.store = store;
        this.reviews = reviews;
        var o = config.outcomes();
        this.sender = new WebhookSender("outcome verifier", scheduler, o.verifierAttempts(), o.verifierBackoff(),
                o.verifierTimeout());
    }

    void onCommit(@Observes(during = TransactionPhase.AFTER_SUCCESS) OutcomeClaimed claimed) {
        config.outcomes().verifierUrl().ifPresent(url -> ask(URI.create(url), claimed.outcome()));
    }

    /** @return the review the answer became, or empty */
    CompletableFuture<Optional<OutcomeReview>> ask(URI url, ReportedOutcome outcome) {
        String message;
        try {
            message = mapper.writeValueAsString(message(outcome));
        } catch (Exception e) {
            LOG.warnf("outcome verifier: cannot build the message for decision %s: %s", outcome.decisionId(), e);
            return CompletableFuture.completedFuture(Optional.empty());
        }
        return sender.exchange(url, message).thenApply(answer -> answer.flatMap(body -> review(outcome, body)));
    }

    private Map<String, Object> message(ReportedOutcome outcome) {
        DecisionRecord record = store.find(outcome.decisionId()).orElseThrow();
        JsonNode request = record.request();
        Map<String, Object> decision = new LinkedHashMap<>();
        decision.put("decisionId", record.decisionId());
        decision.put("agentId", record.agentId());
        decision.put("outcome", record.outcome());
        decision.put("decidedAt", record.decidedAt());
        decision.put("action", request == null ? null : request.get("action"));
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("decision", decision);
        m.put("expectedEffect", request == null ? null : request.get("expectedEffect"));
        m.put("outcome", outcome);
        return m;
    }

    private Optional<OutcomeReview> review(ReportedOutcome outcome, String body) {
        try {
            JsonNode answer = mapper.readTree(body);
            String verdict = answer == null ? null : answer.path("verdict").asText(null);
            JsonNode comment = answer == null ? null : answer.get("comment");
            if (!"CONFIRMED".equals(verdict) && !"DISPUTED".equals(verdict)
                    || comment != null && !comment.isNull() && (!comment.isTextual() || comment.asText().length() > 2000)) {
                LOG.warnf("outcome verifier answered decision %s with no usable verdict: %.500s", outcome.decisionId(), body);
                return Optional.empty();
            }
            return Optional.of(reviews.review(outcome.decisionId(), ReviewVerdict.valueOf(verdict),
                    OutcomeReviews.VERIFIER, comment == null || comment.isNull() ? null : comment.asText()));
        } catch (Exception e) {
            LOG.warnf("outcome verifier: the answer for decision %s was not recorded: %s", outcome.decisionId(), e);
            return Optional.empty();
        }
    }

    @PreDestroy
    void stop() {
        scheduler.shutdownNow();
    }
}
