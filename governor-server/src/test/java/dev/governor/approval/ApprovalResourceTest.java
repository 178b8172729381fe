package dev.governor.approval;

import dev.governor.MutableClock;
import dev.governor.testing.RegisteredAgent;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static dev.governor.Api.action;
import static dev.governor.Api.approve;
import static dev.governor.Api.approver;
import static dev.governor.Api.decide;
import static dev.governor.Api.registerAgent;
import static dev.governor.Api.reject;
import static dev.governor.testing.TestAuth.as;
import static dev.governor.testing.TestAuth.asAdmin;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

@QuarkusTest
class ApprovalResourceTest {

    @Inject
    ApprovalExpiryJob job;

    private static Map<String, Object> reroute() {
        return action("shipment.reroute", "production", 600, 2000, 50_000, "reroute back via the original hub");
    }

    private static RegisteredAgent agent() {
        return registerAgent("AUTONOMOUS", List.of("production", "sandbox"), List.of("shipment:*", "weather:read"));
    }

    private static String requireApproval(RegisteredAgent agent, Map<String, Object> action) {
        return decide(agent, action).statusCode(200)
                .body("outcome", is("REQUIRE_APPROVAL"))
                .body("approval.status", is("PENDING"))
                .extract().path("approval.id");
    }

    /** The seed's story: fresh weather data, a large reroute, a human's sign-off, executed once. */
    @Test
    void weatherRerouteIsApprovedThenExecutedExactlyOnce() {
        RegisteredAgent agent = agent();
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        var inputs = Map.<String, Object>of("inputs", List.of(Map.of("source", "weather-feed",
                "metric", "wind.hub-rotterdam", "value", 95, "observedAt", now.minusMinutes(5).toString())));

        var first = decide(agent, reroute(), inputs).statusCode(200)
                .body("outcome", is("REQUIRE_APPROVAL"))
                .body("blastRadius", is("CRITICAL"))
                .body("reasons.code", not(hasItem("DATA_STALE")))
                .body("approval.status", is("PENDING"))
                .extract();
        String decisionId = first.path("decisionId");
        String approvalId = first.path("approval.id");
        OffsetDateTime decidedAt = OffsetDateTime.parse(first.path("decidedAt"));
        // decision-tables/approval-ttl.dmn#ttl-critical: one hour
        assertThat(OffsetDateTime.parse(first.<String>path("approval.expiresAt"))).isEqualTo(decidedAt.plusHours(1));

        asAdmin().get("/v1/approvals?status=PENDING&size=500").then().statusCode(200)
                .header("X-Total-Count", notNullValue())
                .body("id", hasItem(approvalId));
        asAdmin().get("/v1/approvals/{id}", approvalId).then().statusCode(200)
                .body("status", is("PENDING"))
                .body("agentId", is(agent.id()))
                .body("owner", is("alice@example.com"))
                .body("decisionId", is(decisionId))
                .body("action.type", is("shipment.reroute"))
                .body("reasoning.rationale", is("storm on the usual route"))
                .body("reasons.code", hasItem("HIGH_BLAST_RADIUS"))
                .body("events.type", contains("OPENED"));

        approve(approvalId, approver("bob@example.com")).statusCode(200)
                .body("status", is("APPROVED"))
                .body("decidedBy", is("bob@example.com"))
                .body("events.type", contains("OPENED", "APPROVED"));

        String executed = decide(agent, reroute(), Map.of("approvalId", approvalId)).statusCode(200)
                .body("outcome", is("ALLOW"))
                .body("reasons.code", contains("APPROVED"))
                .body("reasons[0].source", is("rules/approvals.drl#approval-lifts-require-approval"))
                .body("approval.id", is(approvalId))
                .body("approval.status", is("CONSUMED"))
                .extract().path("decisionId");

        decide(agent, reroute(), Map.of("approvalId", approvalId)).statusCode(200)
                .body("outcome", is("DENY"))
                .body("reasons.code", hasItem("APPROVAL_CONSUMED"));

        asAdmin().get("/v1/decisions/{id}", decisionId).then().statusCode(200)
                .body("approvalEvents.type", contains("OPENED", "APPROVED", "CONSUMED"))
                .body("approvalEvents.actor", contains(agent.id(), "bob@example.com", agent.id()));
        asAdmin().get("/v1/decisions/{id}", executed).then().statusCode(200)
                .body("approvalEvents.type", hasItems("APPROVED", "CONSUMED"));
    }

    @Test
    void theRequestingAgentCannotApproveItself() {
        RegisteredAgent agent = agent();
        String approvalId = requireApproval(agent, reroute());

        approve(approvalId, approver(agent.id())).statusCode(403).contentType("application/problem+json");
        approve(approvalId, approver(agent.id().toUpperCase())).statusCode(403);
        as(approver("bob@example.com")).contentType(ContentType.JSON).body(Map.of("approver", " ", "comment", "x"))
                .post("/v1/approvals/{id}/approve", approvalId).then()
                .statusCode(400).body("violations.field", hasItem("approver"));
        asAdmin().get("/v1/approvals/{id}", approvalId).then().body("status", is("PENDING"));
    }

    @Test
    void aDifferentActionOrAgentIsAMismatch() {
        RegisteredAgent agent = agent();
        String approvalId = requireApproval(agent, reroute());
        approve(approvalId, approver("bob@example.com")).statusCode(200);

        var bigger = action("shipment.reroute", "production", 600, 2001, 50_000, "reroute back via the original hub");
        decide(agent, bigger, Map.of("approvalId", approvalId)).statusCode(200)
                .body("outcome", is("DENY")).body("reasons.code", hasItem("APPROVAL_MISMATCH"));
        decide(agent(), reroute(), Map.of("approvalId", approvalId)).statusCode(200)
                .body("outcome", is("DENY")).body("reasons.code", hasItem("APPROVAL_MISMATCH"));
        decide(agent, reroute(), Map.of("approvalId", UUID.randomUUID().toString())).statusCode(200)
                .body("outcome", is("DENY")).body("reasons.code", hasItem("APPROVAL_MISMATCH"));

        // Key order does not matter: the same action written differently still matches.
        var reordered = new java.util.LinkedHashMap<String, Object>();
        List.of("rollbackPlan", "impact", "target", "environment", "type").forEach(k -> reordered.put(k, reroute().get(k)));
        decide(agent, reordered, Map.of("approvalId", approvalId)).statusCode(200).body("outcome", is("ALLOW"));
    }

    @Test
    void aPendingApprovalIsReturnedAgainNotReopened() {
        RegisteredAgent agent = agent();
        String approvalId = requireApproval(agent, reroute());

        decide(agent, reroute(), Map.of("approvalId", approvalId)).statusCode(200)
                .body("outcome", is("REQUIRE_APPROVAL"))
                .body("reasons.code", hasItem("APPROVAL_PENDING"))
                .body("approval.id", is(approvalId))
                .body("approval.status", is("PENDING"));
        asAdmin().get("/v1/approvals/{id}", approvalId).then().body("events.type", contains("OPENED"));
    }

    @Test
    void aRejectedApprovalDeniesAndIsFinal() {
        RegisteredAgent agent = agent();
        String approvalId = requireApproval(agent, reroute());

        reject(approvalId, approver("dan@example.com")).statusCode(200).body("status", is("REJECTED"));
        approve(approvalId, approver("bob@example.com")).statusCode(409).contentType("application/problem+json");
        decide(agent, reroute(), Map.of("approvalId", approvalId)).statusCode(200)
                .body("outcome", is("DENY")).body("reasons.code", hasItem("APPROVAL_REJECTED"));
        asAdmin().get("/v1/approvals/{id}", UUID.randomUUID()).then().statusCode(404);
        asAdmin().get("/v1/approvals?status=MAYBE").then().statusCode(400).body("violations.field", hasItem("status"));
    }

    @Test
    void hardDeniesStillApplyAtExecution() {
        RegisteredAgent agent = agent();
        String approvalId = requireApproval(agent, reroute());
        approve(approvalId, approver("bob@example.com")).statusCode(200);
        asAdmin().contentType(ContentType.JSON).body(Map.of("reason", "misbehaving"))
                .post("/v1/agents/{id}/suspend", agent.id()).then().statusCode(200);

        decide(agent, reroute(), Map.of("approvalId", approvalId)).statusCode(200)
                .body("outcome", is("DENY"))
                .body("reasons.code", hasItem("AGENT_SUSPENDED"))
                .body("reasons.code", not(hasItem("APPROVED")));
        asAdmin().get("/v1/approvals/{id}", approvalId).then().body("status", is("APPROVED"));
    }

    @Test
    void approvalsExpireByTheScheduledJob() {
        MutableClock clock = MutableClock.install();
        RegisteredAgent agent = agent();
        String pending = requireApproval(agent, reroute());
        String approved = requireApproval(agent, action("shipment.reroute", "production", 1, 2000, 0, "back"));
        approve(approved, approver("bob@example.com")).statusCode(200);

        clock.advance(Duration.ofMinutes(59));
        job.expireNow();
        asAdmin().get("/v1/approvals/{id}", pending).then().body("status", is("PENDING"));

        clock.advance(Duration.ofMinutes(2));
        approve(pending, approver("bob@example.com")).statusCode(409); // past its time, even before the job ran
        decide(agent, reroute(), Map.of("approvalId", pending)).statusCode(200)
                .body("outcome", is("DENY")).body("reasons.code", hasItem("APPROVAL_EXPIRED"));
        job.expireNow();
        asAdmin().get("/v1/approvals/{id}", pending).then()
                .body("status", is("EXPIRED"))
                .body("events.type", contains("OPENED", "EXPIRED"))
                .body("events[1].actor", is("system"));
        asAdmin().get("/v1/approvals/{id}", approved).then().body("status", is("EXPIRED"));
    }

    @Test
    void longPollReturnsWhenTheApprovalChanges() throws Exception {
        RegisteredAgent agent = agent();
        String approvalId = requireApproval(agent, reroute());
        var waiting = java.util.concurrent.CompletableFuture.supplyAsync(() ->
                asAdmin().get("/v1/approvals/{id}?waitSeconds=60", approvalId).then().statusCode(200)
                        .extract().<String>path("status"));
        approve(approvalId, approver("bob@example.com")).statusCode(200);
        assertThat(waiting.get()).isEqualTo("APPROVED");

        asAdmin().get("/v1/approvals/{id}?waitSeconds=61", approvalId).then().statusCode(400)
                .body("violations.field", hasItem("waitSeconds"));
        asAdmin().get("/v1/approvals/{id}?waitSeconds=soon", approvalId).then().statusCode(400);
        // Not pending: answered at once.
        asAdmin().get("/v1/approvals/{id}?waitSeconds=60", approvalId).then().statusCode(200)
                .body("status", is("APPROVED")).body("consumedAt", nullValue());
    }
}
