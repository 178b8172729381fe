package dev.governor.freeze;

import dev.governor.MutableClock;
import dev.governor.testing.AuditRows;
import dev.governor.testing.Races;
import dev.governor.testing.Given;
import dev.governor.testing.RegisteredAgent;
import dev.governor.testing.TestUser;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

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
 * An administrator stops part of the fleet during an incident: the mutations in scope are
 * DENY / SCOPED_HALT naming the halt, reads pass, everything out of scope goes on, and the halt
 * ends when lifted or when its time is up (the injectable clock, not a sleep).
 */
@QuarkusTest
class ScopedHaltTest {

    @Inject
    EntityManager em;

    @Test
    void anAgentHaltStopsItsMutationsOnlyAndIsLiftedOnce() {
        RegisteredAgent halted = Given.agent().environments("sandbox").register();
        RegisteredAgent other = Given.agent().environments("sandbox").register();
        String id = declare("agentId", halted.id(), null).statusCode(201)
                .body("scope.agentId", equalTo(halted.id())).body("active", equalTo(true)).extract().path("id");

        mutate(halted).body("outcome", equalTo("DENY")).body("reasons.code", hasItem("SCOPED_HALT"))
                .body("reasons.find { it.code == 'SCOPED_HALT' }.message", containsString(id))
                .body("reasons.find { it.code == 'SCOPED_HALT' }.source", equalTo("rules/halt.drl#scoped-halt-blocks-mutations"));
        read(halted).body("outcome", equalTo("ALLOW"));
        mutate(other).body("outcome", equalTo("ALLOW"));

        asAdmin().delete("/v1/halts/{id}", id).then().statusCode(200).body("active", equalTo(false))
                .body("liftedBy", equalTo("admin"));
        asAdmin().delete("/v1/halts/{id}", id).then().statusCode(409);
        mutate(halted).body("outcome", equalTo("ALLOW"));
        assertThat(AuditRows.kinds(em, id)).containsExactly("SCOPED_HALT_DECLARED", "SCOPED_HALT_LIFTED");
    }

    @Test
    void racingLiftsEndAHaltExactlyOnce() throws Exception {
        String id = declare("actionType", "haltrace.update", null).statusCode(201).extract().path("id");
        List<Integer> statuses = Races.race(8, () -> asAdmin().delete("/v1/halts/{id}", id).statusCode());
        assertThat(statuses).containsOnly(200, 409);
        assertThat(statuses).filteredOn(s -> s == 200).hasSize(1);
        assertThat(AuditRows.kinds(em, id)).containsExactly("SCOPED_HALT_DECLARED", "SCOPED_HALT_LIFTED");
    }

    @Test
    void anOwnerHaltCoversEveryAgentOfThatOwnerAndASessionHaltOneSession() {
        String owner = Given.owner("halted-owner-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com");
        RegisteredAgent first = Given.agent().owner(owner).environments("sandbox").register();
        RegisteredAgent second = Given.agent().owner(owner).environments("sandbox").register();
        String ownerHalt = declare("owner", owner.toUpperCase(), null).statusCode(201).extract().path("id");
        mutate(first).body("reasons.code", hasItem("SCOPED_HALT"));
        mutate(second).body("reasons.code", hasItem("SCOPED_HALT"));
        asAdmin().delete("/v1/halts/{id}", ownerHalt).then().statusCode(200);

        String session = "incident-" + UUID.randomUUID();
        String sessionHalt = declare("sessionId", session, null).statusCode(201).extract().path("id");
        decide(first, action("config.update", "sandbox", 1, 0, 0, null), Map.of("sessionId", session))
                .statusCode(200).body("reasons.code", hasItem("SCOPED_HALT"));
        mutate(first).body("outcome", equalTo("ALLOW")).body("reasons.code", not(hasItem("SCOPED_HALT")));
        asAdmin().delete("/v1/halts/{id}", sessionHalt).then().statusCode(200);
    }

    @Test
    void aHaltEndsWhenItsTimeIsUp() {
        MutableClock clock = MutableClock.install();
        RegisteredAgent agent = Given.agent().environments("sandbox").register();
        declare("agentId", agent.id(), clock.instant().plus(Duration.ofMinutes(30))).statusCode(201);
        mutate(agent).body("reasons.code", hasItem("SCOPED_HALT"));
        clock.advance(Duration.ofMinutes(31));
        mutate(agent).body("outcome", equalTo("ALLOW"));
        asAdmin().get("/v1/halts?active=true").then().statusCode(200)
                .body("scope.agentId", not(hasItem(agent.id())));
    }

    @Test
    void aScopeThatCouldNeverMatchIsRefusedNamingTheField() {
        declare("tier", "PRODUCTON", null).statusCode(400).body("violations.field", hasItem("scope.tier"));
        declare("actionClass", "SOMETIMES", null).statusCode(400).body("violations.field", hasItem("scope.actionClass"));
        declare("actionType", "drop everything", null).statusCode(400).body("violations.field", hasItem("scope.actionType"));
        declare("agentId", "Not An Id", null).statusCode(400).body("violations.field", hasItem("scope.agentId"));
        declare("sessionId", "a\nb", null).statusCode(400).body("violations.field", hasItem("scope.sessionId"));
        declare("agentId", " ", null).statusCode(400).body("violations.field", hasItem("scope.agentId"));
        declare("planet", "earth", null).statusCode(400).body("violations.field", hasItem("scope"));
        declare("agentId", "bot-1", Instant.now().minus(Duration.ofMinutes(1))).statusCode(400)
                .body("violations.field", hasItem("until"));
        asAdmin().contentType(ContentType.JSON).body(Map.of("scope", Map.of("agentId", "bot-1", "tier", "PRODUCTION"),
                "reason", "x")).post("/v1/halts").then().statusCode(400).body("violations.field", hasItem("scope"));
        asAdmin().contentType(ContentType.JSON).body(Map.of("scope", "PRODUCTION", "reason", "x"))
                .post("/v1/halts").then().statusCode(400);
        asAdmin().contentType(ContentType.JSON).body(Map.of("scope", Map.of("agentId", "bot-1")))
                .post("/v1/halts").then().statusCode(400).body("violations.field", hasItem("reason"));
        asAdmin().get("/v1/halts/{id}", "not-a-uuid").then().statusCode(404);
    }

    @Test
    void onlyAdministratorsDeclareAndLift() {
        TestUser approver = Given.user("halt-approver@example.com").roles("approver").create();
        as(approver).contentType(ContentType.JSON).body(Map.of("scope", Map.of("agentId", "bot-1"), "reason", "x"))
                .post("/v1/halts").then().statusCode(403);
        String id = declare("actionType", "haltprobe.update", null).statusCode(201).extract().path("id");
        as(approver).get("/v1/halts/{id}", id).then().statusCode(200).body("scope.actionType", equalTo("haltprobe.update"));
        as(approver).delete("/v1/halts/{id}", id).then().statusCode(403);
        asAdmin().delete("/v1/halts/{id}", id).then().statusCode(200);
        List<String> ids = asAdmin().get("/v1/halts").then().statusCode(200).extract().path("id");
        assertThat(ids).contains(id);
    }

    private static ValidatableResponse declare(String scope, String value, Instant until) {
        Map<String, Object> body = new HashMap<>(Map.of("scope", Map.of(scope, value), "reason", "incident INC-9"));
        if (until != null) body.put("until", until.toString());
        return asAdmin().contentType(ContentType.JSON).body(body).post("/v1/halts").then();
    }

    private static ValidatableResponse mutate(RegisteredAgent agent) {
        return decide(agent, action("config.update", "sandbox", 1, 0, 0, null)).statusCode(200);
    }

    private static ValidatableResponse read(RegisteredAgent agent) {
        return decide(agent, action("config.read", "sandbox", 0, 0, 0, null)).statusCode(200);
    }
}
