package dev.governor.approval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import dev.governor.autonomy.DriftResponder;
import dev.governor.policy.DriftSignals;
import dev.governor.testing.RegisteredAgent;
import dev.governor.testing.TestAuth;
import jakarta.inject.Inject;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static dev.governor.Api.action;
import static dev.governor.Api.approve;
import static dev.governor.Api.approver;
import static dev.governor.Api.decide;
import static dev.governor.Api.registerAgent;
import static org.assertj.core.api.Assertions.assertThat;

/** Approvers are told when an approval opens and closes; the receiver fails once first. */
@QuarkusTest
@TestProfile(ApprovalWebhookTest.WithWebhook.class)
class ApprovalWebhookTest {

    static final LinkedBlockingQueue<String> RECEIVED = new LinkedBlockingQueue<>();
    private static final AtomicBoolean FAILED_ONCE = new AtomicBoolean();
    private static final HttpServer SERVER = start();

    private static HttpServer start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/approvals-hook", exchange -> {
                String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                boolean fail = FAILED_ONCE.compareAndSet(false, true);
                if (!fail) RECEIVED.add(body);
                exchange.sendResponseHeaders(fail ? 503 : 200, -1);
                exchange.close();
            });
            server.start();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static class WithWebhook implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("governor.approval.webhook.url",
                    "http://127.0.0.1:" + SERVER.getAddress().getPort() + "/approvals-hook",
                    "governor.approval.link-base", "https://governor.example.com/");
        }
    }

    private static JsonNode next() throws Exception {
        String body = RECEIVED.poll(30, TimeUnit.SECONDS);
        assertThat(body).as("webhook message").isNotNull();
        return new ObjectMapper().readTree(body);
    }

    @Inject
    DriftResponder drift;

    /** The drift job's caller, DriftResponder: the owner hears of a suspension through the same webhook. */
    @Test
    void anIncidentSuspensionIsPostedForTheOwnerAfterItCommits() throws Exception {
        RegisteredAgent agent = registerAgent("ROUTINE", List.of("sandbox"), List.of("*:*"));
        drift.respond(agent.id(), new DriftSignals(null, null, null, null, true));

        JsonNode notice = nextOf("agent.drift");
        assertThat(notice.path("agentId").asText()).isEqualTo(agent.id());
        assertThat(notice.path("owner").asText()).isNotBlank();
        assertThat(notice.path("response").asText()).isEqualTo("SUSPEND");
        assertThat(notice.path("source").asText()).isEqualTo("decision-tables/drift-response.dmn#dr-incident-suspend");
        assertThat(notice.path("link").asText()).isEqualTo("https://governor.example.com/v1/agents/" + agent.id() + "/levels");
        TestAuth.asAdmin().get("/v1/agents/{id}", agent.id()).then().body("suspended", org.hamcrest.Matchers.is(true));
    }

    /** ScopedHaltService's caller, POST and DELETE /v1/halts: the owners a halt stops hear of it and of its end. */
    @Test
    void aScopedHaltAndItsLiftingArePostedForTheOwnersItStops() throws Exception {
        RegisteredAgent agent = registerAgent("ROUTINE", List.of("sandbox"), List.of("*:*"));
        String owner = TestAuth.asAdmin().get("/v1/agents/{id}", agent.id()).then().extract().path("owner");
        String id = TestAuth.asAdmin().contentType(io.restassured.http.ContentType.JSON)
                .body(Map.of("scope", Map.of("agentId", agent.id()), "reason", "runaway loop"))
                .post("/v1/halts").then().statusCode(201).extract().path("id");

        JsonNode declared = nextOf("halt.declared");
        assertThat(declared.path("haltId").asText()).isEqualTo(id);
        assertThat(declared.path("scope").path("agentId").asText()).isEqualTo(agent.id());
        assertThat(declared.path("reason").asText()).isEqualTo("runaway loop");
        assertThat(declared.path("owners")).extracting(JsonNode::asText).containsExactly(owner);
        assertThat(declared.path("link").asText()).isEqualTo("https://governor.example.com/v1/halts/" + id);

        TestAuth.asAdmin().delete("/v1/halts/{id}", id).then().statusCode(200);
        JsonNode lifted = nextOf("halt.lifted");
        assertThat(lifted.path("haltId").asText()).isEqualTo(id);
        assertThat(lifted.path("owners")).extracting(JsonNode::asText).containsExactly(owner);

        // A halt over a tier names no owner (it stops whoever acts there); one the API refuses is never announced.
        TestAuth.asAdmin().contentType(io.restassured.http.ContentType.JSON)
                .body(Map.of("scope", Map.of("tier", "NOWHERE"), "reason", "x")).post("/v1/halts").then().statusCode(400);
        String tier = TestAuth.asAdmin().contentType(io.restassured.http.ContentType.JSON)
                .body(Map.of("scope", Map.of("tier", "STAGING"), "reason", "bad deploy"))
                .post("/v1/halts").then().statusCode(201).extract().path("id");
        JsonNode wide = nextOf("halt.declared");
        assertThat(wide.path("haltId").asText()).isEqualTo(tier);
        assertThat(wide.path("owners")).isEmpty();
        TestAuth.asAdmin().delete("/v1/halts/{id}", tier).then().statusCode(200);
        assertThat(nextOf("halt.lifted").path("haltId").asText()).isEqualTo(tier);
    }

    @Inject
    dev.governor.autonomy.KeyEndNotices keyEnds;

    /** KeyEndNotices' caller, the scheduled job: a key inside its warning time is told to the owner once. */
    @Test
    void aKeyNearItsEndIsToldToTheOwnerOnceEvenByRunsAtOnce() throws Exception {
        RegisteredAgent agent = registerAgent("ROUTINE", List.of("sandbox"), List.of("*:*"));
        String owner = TestAuth.asAdmin().get("/v1/agents/{id}", agent.id()).then().extract().path("owner");
        String expires = TestAuth.asAdmin().queryParam("ttl", "PT15M") // shorter than the warning lead: due now
                .post("/v1/agents/{id}/keys/rotate", agent.id()).then().statusCode(200).extract().path("expiresAt");

        List<Integer> told = dev.governor.testing.Races.race(4, () -> keyEnds.notifyDue());

        assertThat(told.stream().mapToInt(Integer::intValue).sum()).isPositive();
        JsonNode notice = next();
        while (!(notice.path("event").asText().equals("key.expiring") && notice.path("agentId").asText().equals(agent.id()))) {
            notice = next();
        }
        assertThat(notice.path("owner").asText()).isEqualTo(owner);
        assertThat(notice.path("expiresAt").asText()).isEqualTo(expires);
        assertThat(notice.path("keyPrefix").asText()).startsWith("gvk_");
        assertThat(notice.path("link").asText()).isEqualTo("https://governor.example.com/v1/agents/" + agent.id());
        keyEnds.notifyDue();
        for (String more = RECEIVED.poll(2, TimeUnit.SECONDS); more != null; more = RECEIVED.poll(2, TimeUnit.SECONDS)) {
            JsonNode again = new ObjectMapper().readTree(more);
            assertThat(again.path("event").asText() + " " + again.path("agentId").asText())
                    .as("told once").isNotEqualTo("key.expiring " + agent.id());
        }
    }

    private static JsonNode nextOf(String event) throws Exception {
        JsonNode notice = next();
        while (!notice.path("event").asText().equals(event)) notice = next();
        return notice;
    }

    @Test
    void openingAndClosingAnApprovalArePostedWithALink() throws Exception {
        RegisteredAgent agent = registerAgent("AUTONOMOUS", List.of("sandbox"), List.of("*:*"));
        var drop = action("database.drop", "sandbox", 10, 0, 0, "restore from backup");
        String approvalId = decide(agent, drop).statusCode(200).extract().path("approval.id");

        JsonNode opened = next();
        assertThat(opened.path("event").asText()).isEqualTo("OPENED");
        assertThat(opened.path("approvalId").asText()).isEqualTo(approvalId);
        assertThat(opened.path("agentId").asText()).isEqualTo(agent.id());
        assertThat(opened.path("status").asText()).isEqualTo("PENDING");
        assertThat(opened.path("decisionId").isNull()).isFalse();
        assertThat(opened.path("link").asText()).isEqualTo("https://governor.example.com/v1/approvals/" + approvalId);

        approve(approvalId, approver("bob@example.com")).statusCode(200);
        JsonNode approved = next();
        assertThat(approved.path("event").asText()).isEqualTo("APPROVED");
        assertThat(approved.path("status").asText()).isEqualTo("APPROVED");
    }
}
