package dev.governor.client;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import java.net.URI;
import java.net.http.HttpClient;
import java.security.PublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * Governor's decision API for an agent (or a person, with a user token): ask before each action,
 * wait for a human's sign-off, execute the approved action, report what happened, verify a plan.
 *
 * <p>Every failure is a {@link GovernorException}; none is ever an ALLOW. Thread-safe.
 */
public final class GovernorClient {
    private final Http http;
    private final Clock clock;
    private final int maxWaitSecondsPerPoll;

    private GovernorClient(Http http, Clock clock, int maxWaitSecondsPerPoll) {
        this.http = http;
        this.clock = clock;
        this.maxWaitSecondsPerPoll = maxWaitSecondsPerPoll;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** {@code POST /v1/decisions}: ask before acting. */
    public Decision decide(ActionRequest request) {
        return http.post("/v1/decisions", request, Decision.class);
    }

    /**
     * {@code GET /v1/keys}: Governor's public keys (receipts and checkpoints), by key id, for
     * {@link Receipts#verify} or a {@link ReceiptGuard}.
     */
    public Map<String, PublicKey> publicKeys() {
        JsonNode jwks = http.get("/v1/keys", Duration.ZERO, JsonNode.class);
        try {
            return Receipts.keys(jwks);
        } catch (java.io.IOException e) {
            throw new GovernorException(200, null, "Governor's key set is not readable: " + e.getMessage(), e);
        }
    }

    /** {@code GET /v1/approvals/{id}}: the approval as it stands. */
    public Approval approval(UUID approvalId) {
        return http.get("/v1/approvals/" + approvalId, Duration.ZERO, Approval.class);
    }

    /**
     * Long-polls until the approval leaves {@code PENDING} or {@code maxWait} has passed, whichever
     * comes first (each poll at most the server's 60 s). Returns the approval as last seen: still
     * {@code PENDING} when the time ran out.
     */
    public Approval awaitApproval(UUID approvalId, Duration maxWait) {
        Instant deadline = clock.instant().plus(maxWait);
        while (true) {
            long remaining = Math.max(0, Duration.between(clock.instant(), deadline).toSeconds());
            long wait = Math.min(remaining, maxWaitSecondsPerPoll);
            Approval seen = http.get("/v1/approvals/" + approvalId + "?waitSeconds=" + wait,
                    Duration.ofSeconds(wait), Approval.class);
            if (seen.status() != ApprovalStatus.PENDING || wait == 0 || !clock.instant().isBefore(deadline)) {
                return seen;
            }
        }
    }

    /**
     * Asks again with the approval and the identical action (the approve-then-execute loop): the
     * policy is evaluated afresh, and an approved, unexpired approval makes it ALLOW once.
     */
    public Decision executeApproved(UUID approvalId, ActionRequest original) {
        return decide(original.withApproval(approvalId));
    }

    /**
     * The whole loop: decide; on REQUIRE_APPROVAL wait up to {@code maxWait} for the human, then ask
     * again with the approval. Returns the pending decision if nobody decided in time, otherwise
     * the server's answer to the execution (ALLOW once approved; DENY with the reason if rejected
     * or expired).
     */
    public Decision decideAndAwait(ActionRequest request, Duration maxWait) {
        Decision first = decide(request);
        if (first.outcome() != Outcome.REQUIRE_APPROVAL || first.approval() == null) return first;
        Approval approval = awaitApproval(first.approval().id(), maxWait);
        if (approval.status() == ApprovalStatus.PENDING) return first;
        return executeApproved(approval.id(), request);
    }

    /** Executes step {@code index} of a verified plan with its identical action. */
    public Decision executePlanStep(UUID planId, int index, ActionRequest step) {
        return decide(step.asPlanStep(planId, index));
    }

    /** {@code POST /v1/decisions/{id}/outcome}: what became of an allowed action (409 for any other). */
    public OutcomeReport reportOutcome(UUID decisionId, OutcomeStatus status, String detail) {
        return reportOutcome(decisionId, status, null, detail);
    }

    public OutcomeReport reportOutcome(UUID decisionId, OutcomeStatus status, Boolean incident, String detail) {
        return http.post("/v1/decisions/" + decisionId + "/outcome",
                new OutcomeReport.Body(status, incident, detail), OutcomeReport.class);
    }

    /** {@code POST /v1/plans}: verifies a whole sequence before its first step. */
    public PlanVerdict verifyPlan(Plan plan) {
        return http.post("/v1/plans", plan, PlanVerdict.class);
    }

    /** An approver's sign-off (needs a user token with the approver role). */
    public Approval approve(UUID approvalId, String comment) {
        return http.post("/v1/approvals/" + approvalId + "/approve", new CommentBody(comment), Approval.class);
    }

    public Approval reject(UUID approvalId, String comment) {
        return http.post("/v1/approvals/" + approvalId + "/reject", new CommentBody(comment), Approval.class);
    }

    record CommentBody(String comment) {
    }

    /** The mapper the client reads and writes with: unknown fields ignored, nulls left out, ISO-8601 times. */
    static ObjectMapper mapper() {
        return new ObjectMapper()
                .registerModule(new JavaTimeModule())
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.READ_UNKNOWN_ENUM_VALUES_USING_DEFAULT_VALUE)
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .setSerializationInclusion(JsonInclude.Include.NON_NULL);
    }

    public static final class Builder {
        private URI baseUri;
        private String bearer;
        private Duration connectTimeout = Duration.ofSeconds(5);
        private Duration requestTimeout = Duration.ofSeconds(10);
        private RetryPolicy retryPolicy = RetryPolicy.defaults();
        private Sleeper sleeper = Sleeper.threadSleep();
        private Clock clock = Clock.systemUTC();
        private int maxWaitSecondsPerPoll = 60;

        private Builder() {
        }

        /** e.g. {@code http://localhost:8080}. */
        public Builder baseUri(URI uri) {
            this.baseUri = uri;
            return this;
        }

        public Builder baseUri(String uri) {
            return baseUri(URI.create(uri));
        }

        /** The agent's own key ({@code gvk_…}), sent as a bearer token. */
        public Builder agentKey(String key) {
            this.bearer = key;
            return this;
        }

        /** A person's token (local {@code gvu_…} or an OIDC access token), for approvers and tools. */
        public Builder userToken(String token) {
            this.bearer = token;
            return this;
        }

        public Builder connectTimeout(Duration timeout) {
            this.connectTimeout = timeout;
            return this;
        }

        /** How long one call may take; a long-poll gets its wait on top. */
        public Builder requestTimeout(Duration timeout) {
            this.requestTimeout = timeout;
            return this;
        }

        public Builder retryPolicy(RetryPolicy policy) {
            this.retryPolicy = policy;
            return this;
        }

        public Builder sleeper(Sleeper waits) {
            this.sleeper = waits;
            return this;
        }

        /** Reads HTTP-date {@code Retry-After} values and the long-poll deadline. */
        public Builder clock(Clock time) {
            this.clock = time;
            return this;
        }

        /** The server's {@code governor.approval.max-wait-seconds} if it was lowered from 60. */
        public Builder maxWaitSecondsPerPoll(int seconds) {
            this.maxWaitSecondsPerPoll = seconds;
            return this;
        }

        public GovernorClient build() {
            Objects.requireNonNull(baseUri, "baseUri");
            HttpClient client = HttpClient.newBuilder().connectTimeout(connectTimeout)
                    .version(HttpClient.Version.HTTP_1_1).build();
            URI base = URI.create(baseUri.toString().replaceAll("/+$", ""));
            return new GovernorClient(new Http(client, base, bearer, requestTimeout, retryPolicy, sleeper, clock,
                    mapper()), clock, maxWaitSecondsPerPoll);
        }
    }
}
