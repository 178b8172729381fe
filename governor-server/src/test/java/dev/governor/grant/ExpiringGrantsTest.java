package dev.governor.grant;

import dev.governor.MutableClock;
import dev.governor.testing.Given;
import dev.governor.testing.RegisteredAgent;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static dev.governor.Api.action;
import static dev.governor.Api.decide;
import static dev.governor.testing.TestAuth.as;
import static dev.governor.testing.TestAuth.asAdmin;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

/**
 * A grant may end ({@code grantsUntil}): from that instant on it covers nothing, and the denial
 * says it expired and when (rules/permissions.drl#grant-expired); the permission report lists the
 * ends, soonest first. Lifting or postponing an end widens, so a plain update may not.
 */
@QuarkusTest
class ExpiringGrantsTest {

    private static ValidatableResponse update(RegisteredAgent agent) {
        return decide(agent, action("config.update", "sandbox", 0, 0, 0, "revert"));
    }

    /** The agent's row of the paged report (sorted by id, so a suite's other agents may come first). */
    private static Map<String, Object> reportOf(String agentId) {
        for (int page = 0; ; page++) {
            List<Map<String, Object>> rows = asAdmin().queryParam("page", page).queryParam("size", 500)
                    .get("/v1/reports/permissions").then().statusCode(200).extract().jsonPath().getList("$");
            for (Map<String, Object> row : rows) if (agentId.equals(row.get("agentId"))) return row;
            if (rows.size() < 500) return null;
        }
    }

    @SuppressWarnings("unchecked")
    @Test
    void aGrantEndsAtItsInstantAndTheDenialSaysWhen() {
        MutableClock clock = MutableClock.install();
        Instant configEnds = clock.instant().truncatedTo(ChronoUnit.SECONDS).plus(Duration.ofHours(1));
        Instant serviceEnds = configEnds.plus(Duration.ofDays(3));
        RegisteredAgent agent = Given.agent().level("ROUTINE").permissions("config:*", "service:read")
                .with("grantsUntil", Map.of("config:*", configEnds.toString(), "service:read", serviceEnds.toString()))
                .register();
        asAdmin().get("/v1/agents/{id}", agent.id()).then().statusCode(200)
                .body("grantsUntil.'config:*'", equalTo(configEnds.toString()));
        asAdmin().get("/v1/agents/{id}/permissions/usage", agent.id()).then().statusCode(200)
                .body("expiries.grant", equalTo(List.of("config:*", "service:read")))
                .body("expiries[0].until", equalTo(configEnds.toString()))
                .body("expiries[0].expired", equalTo(false));

        clock.advance(Duration.between(clock.instant(), configEnds.minusNanos(1_000)));
        update(agent).statusCode(200).body("outcome", equalTo("ALLOW"));
        clock.advance(Duration.ofNanos(1_000)); // the end itself: over
        update(agent).statusCode(200).body("outcome", equalTo("DENY"))
                .body("reasons.code", hasItem("PERMISSION_NOT_GRANTED"))
                .body("reasons.find { it.code == 'PERMISSION_NOT_GRANTED' }.message",
                        containsString("config:* (it expired at " + configEnds + ")"))
                .body("reasons.find { it.code == 'PERMISSION_NOT_GRANTED' }.source", equalTo("rules/permissions.drl#grant-expired"));
        decide(agent, action("service.read", "sandbox", 0, 0, 0, null)).statusCode(200).body("outcome", equalTo("ALLOW"));
        Map<String, Object> row = reportOf(agent.id());
        assertThat(row).as("the report's row of " + agent.id()).isNotNull();
        assertThat(((List<Map<String, Object>>) row.get("expiries")).get(0)).containsEntry("expired", true);
        // an ended grant cannot go into a session token either
        as(agent).contentType(ContentType.JSON).body(Map.of("sessionId", "s", "permissions", List.of("config:update")))
                .post("/v1/agents/{id}/tokens", agent.id()).then().statusCode(422)
                .body("violations.field", hasItem("permissions[0]"));
    }

    @Test
    void endsAreForGrantsHeldAndOnlyEverComeSooner() {
        Instant ends = Instant.now().truncatedTo(ChronoUnit.SECONDS).plus(Duration.ofDays(1));
        Given.owner("alice@example.com");
        Map<String, Object> body = new HashMap<>(Given.agent().permissions("config:*").body());
        body.put("grantsUntil", Map.of("database:drop", ends.toString()));
        asAdmin().contentType(ContentType.JSON).body(body).post("/v1/agents").then().statusCode(400)
                .body("violations.field", hasItem("grantsUntil.database:drop"));
        body.put("grantsUntil", Map.of("config:*", "tomorrow"));
        asAdmin().contentType(ContentType.JSON).body(body).post("/v1/agents").then().statusCode(400);

        RegisteredAgent agent = Given.agent().permissions("config:*").with("grantsUntil", Map.of("config:*", ends.toString()))
                .register();
        Map<String, Object> replacement = new HashMap<>(Map.of("owner", "alice@example.com", "autonomyLevel", "AUTONOMOUS",
                "environments", List.of("sandbox"), "permissions", List.of("config:*")));
        asAdmin().contentType(ContentType.JSON).body(replacement).put("/v1/agents/{id}", agent.id()).then().statusCode(409)
                .body("detail", containsString("grantsUntil"));
        replacement.put("grantsUntil", Map.of("config:*", ends.plusSeconds(1).toString()));
        asAdmin().contentType(ContentType.JSON).body(replacement).put("/v1/agents/{id}", agent.id()).then().statusCode(409);
        replacement.put("grantsUntil", Map.of("config:*", ends.minusSeconds(3600).toString()));
        asAdmin().contentType(ContentType.JSON).body(replacement).put("/v1/agents/{id}", agent.id()).then().statusCode(200)
                .body("grantsUntil.'config:*'", equalTo(ends.minusSeconds(3600).toString()));
        // narrowing away the grant takes its end with it
        asAdmin().contentType(ContentType.JSON).body(Map.of("permissions", List.of(), "reason", "done"))
                .post("/v1/agents/{id}/permissions/narrow", agent.id()).then().statusCode(200)
                .body("grantsUntil", not(org.hamcrest.Matchers.hasKey("config:*")));
    }
}
