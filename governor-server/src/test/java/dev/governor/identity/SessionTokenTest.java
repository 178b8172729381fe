package dev.governor.identity;

import dev.governor.MutableClock;
import dev.governor.testing.Given;
import dev.governor.testing.RegisteredAgent;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static dev.governor.Api.action;
import static dev.governor.testing.TestAuth.as;
import static dev.governor.testing.TestAuth.asAdmin;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

/**
 * An agent exchanges its key for a session token: one session, a subset of its grants, a short
 * life bounded by decision-tables/key-lifetimes.dmn. The policy holds every decision made with it
 * to that scope; the token dies with its key.
 */
@QuarkusTest
class SessionTokenTest {

    private static RegisteredAgent routine() {
        return Given.agent().level("ROUTINE").permissions("config:*", "service:read").register();
    }

    private static ValidatableResponse exchange(String credential, String agentId, Map<String, Object> body) {
        return as(credential).contentType(ContentType.JSON).body(body).post("/v1/agents/{id}/tokens", agentId).then();
    }

    private static String token(RegisteredAgent agent, String session, List<String> permissions, String ttl) {
        Map<String, Object> body = new HashMap<>(Map.of("sessionId", session, "permissions", permissions));
        if (ttl != null) body.put("ttl", ttl);
        return exchange(agent.apiKey(), agent.id(), body).statusCode(201).extract().path("token");
    }

    private static ValidatableResponse decide(String credential, String agentId, String session, String type) {
        Map<String, Object> body = new HashMap<>();
        body.put("agentId", agentId);
        if (session != null) body.put("sessionId", session);
        body.put("action", action(type, "sandbox", 0, 0, 0, "revert"));
        body.put("reasoning", Map.of("goal", "g", "rationale", "r"));
        return as(credential).contentType(ContentType.JSON).body(body).post("/v1/decisions").then();
    }

    @Test
    void aTokenActsInItsSessionWithinItsGrantsOnly() {
        MutableClock clock = MutableClock.install();
        RegisteredAgent agent = routine();
        Instant before = clock.instant();
        var issued = exchange(agent.apiKey(), agent.id(), Map.of("sessionId", "run-7", "permissions", List.of("config:update"),
                "ttl", "PT1H")).statusCode(201)
                .body("token", startsWith("gvs_")).body("agentId", equalTo(agent.id())).body("sessionId", equalTo("run-7"))
                .body("permissions", equalTo(List.of("config:update"))).extract();
        String token = issued.path("token");
        assertThat(Duration.between(before, Instant.parse(issued.path("expiresAt")))).isBetween(Duration.ofMinutes(59), Duration.ofHours(1));

        decide(token, agent.id(), "run-7", "config.update").statusCode(200).body("outcome", equalTo("ALLOW"))
                .header("Governor-Key-Expires", equalTo(issued.path("expiresAt")));
        decide(token, agent.id(), "run-8", "config.update").statusCode(200).body("outcome", equalTo("DENY"))
                .body("reasons.code", hasItem("TOKEN_SESSION_MISMATCH"))
                .body("reasons.find { it.code == 'TOKEN_SESSION_MISMATCH' }.message", containsString("run-7"));
        decide(token, agent.id(), null, "config.update").statusCode(200).body("outcome", equalTo("DENY"))
                .body("reasons.code", hasItem("TOKEN_SESSION_MISMATCH"));
        // the agent holds service:read, the token does not: the token is what speaks
        decide(token, agent.id(), "run-7", "service.read").statusCode(200).body("outcome", equalTo("DENY"))
                .body("reasons.find { it.code == 'PERMISSION_NOT_GRANTED' }.message", containsString("session token gvs_"))
                .body("reasons.find { it.code == 'PERMISSION_NOT_GRANTED' }.source",
                        equalTo("rules/permissions.drl#token-permission-not-granted"));
        // the key itself still has all the agent's grants, in any session
        decide(agent.apiKey(), agent.id(), "run-8", "service.read").statusCode(200).body("outcome", equalTo("ALLOW"));

        clock.advance(Duration.ofMinutes(31)); // within PT30M of the end: announced
        decide(token, agent.id(), "run-7", "config.update").statusCode(200)
                .header("Warning", containsString("session token"))
                .header("Warning", containsString("/v1/agents/" + agent.id() + "/tokens"));
        clock.advance(Duration.between(clock.instant(), Instant.parse(issued.path("expiresAt")))); // the end itself
        decide(token, agent.id(), "run-7", "config.update").statusCode(401)
                .body("type", equalTo("urn:governor:problem:credential-expired"))
                .body("detail", containsString("session token"));
        decide(agent.apiKey(), agent.id(), "run-7", "config.update").statusCode(200);
    }

    @Test
    void whatAnAgentMayAskForIsBounded() {
        RegisteredAgent agent = routine();
        RegisteredAgent other = routine();
        exchange(agent.apiKey(), agent.id(), Map.of("sessionId", "s", "permissions", List.of("config:read", "database:drop")))
                .statusCode(422).contentType("application/problem+json")
                .body("violations.field", equalTo(List.of("permissions[1]")))
                .body("detail", containsString("database:drop"));
        // config:* is wider than any one grant the agent holds except config:* itself, which it holds
        exchange(agent.apiKey(), agent.id(), Map.of("sessionId", "s", "permissions", List.of("*:*")))
                .statusCode(422).body("violations.field", hasItem("permissions[0]"));
        exchange(agent.apiKey(), agent.id(), Map.of("sessionId", "s", "permissions", List.of("config:*"), "ttl", "PT8H1S"))
                .statusCode(400).body("violations.field", hasItem("ttl"))
                .body("detail", containsString("kl-token-routine"));
        exchange(agent.apiKey(), agent.id(), Map.of("sessionId", "s", "permissions", List.of("config:*"), "ttl", "soon"))
                .statusCode(400).body("violations.field", hasItem("ttl"));
        exchange(agent.apiKey(), agent.id(), Map.of("permissions", List.of("config:*")))
                .statusCode(400).body("violations.field", hasItem("sessionId"));
        exchange(agent.apiKey(), agent.id(), Map.of("sessionId", "s", "permissions", List.of()))
                .statusCode(400).body("violations.field", hasItem("permissions"));
        exchange(agent.apiKey(), agent.id(), Map.of("sessionId", "s", "permissions", List.of("config:*"), "outcome", "ALLOW"))
                .statusCode(400);
        // only the agent's own key: not another agent's, not a token, not a person
        exchange(other.apiKey(), agent.id(), Map.of("sessionId", "s", "permissions", List.of("config:*"))).statusCode(403);
        String token = token(agent, "s", List.of("config:*"), null);
        exchange(token, agent.id(), Map.of("sessionId", "s2", "permissions", List.of("config:*"))).statusCode(403)
                .body("detail", containsString("session token"));
        exchange(dev.governor.testing.TestAuth.ADMIN_TOKEN, agent.id(), Map.of("sessionId", "s", "permissions", List.of("config:*")))
                .statusCode(403);
        // absent ttl: the table's maximum for ROUTINE, eight hours
        Instant end = Instant.parse(exchange(agent.apiKey(), agent.id(), Map.of("sessionId", "s", "permissions", List.of("config:read")))
                .statusCode(201).extract().path("expiresAt"));
        assertThat(Duration.between(Instant.now(), end)).isBetween(Duration.ofHours(7), Duration.ofHours(8));
    }

    @Test
    void aTokenDiesWithItsKey() {
        MutableClock clock = MutableClock.install();
        RegisteredAgent agent = routine();
        String token = token(agent, "s", List.of("config:*"), null);
        decide(token, agent.id(), "s", "config.update").statusCode(200).body("outcome", equalTo("ALLOW"));
        String newKey = asAdmin().post("/v1/agents/{id}/keys/rotate", agent.id()).then().statusCode(200).extract().path("apiKey");
        decide(token, agent.id(), "s", "config.update").statusCode(401);

        RegisteredAgent rotated = new RegisteredAgent(agent.id(), newKey);
        String second = token(rotated, "s", List.of("config:*"), null);
        asAdmin().delete("/v1/agents/{id}/keys", agent.id()).then().statusCode(200);
        decide(second, agent.id(), "s", "config.update").statusCode(401).body("title", not(equalTo("Credential Expired")));

        // a key that ends in two hours cannot give a token eight: the token ends with the key
        String shortKey = asAdmin().queryParam("ttl", "PT2H").post("/v1/agents/{id}/keys/rotate", agent.id()).then()
                .statusCode(200).extract().path("apiKey");
        RegisteredAgent brief = new RegisteredAgent(agent.id(), shortKey);
        var issued = exchange(shortKey, agent.id(), Map.of("sessionId", "s", "permissions", List.of("config:*"))).statusCode(201)
                .extract();
        Instant keyEnd = clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MICROS).plus(Duration.ofHours(2));
        assertThat(Instant.parse(issued.path("expiresAt"))).isBeforeOrEqualTo(keyEnd);
        clock.advance(Duration.ofHours(2));
        decide(issued.path("token"), agent.id(), "s", "config.update").statusCode(401).body("title", equalTo("Credential Expired"));
        decide(brief.apiKey(), agent.id(), "s", "config.update").statusCode(401).body("title", equalTo("Credential Expired"));
    }
}
