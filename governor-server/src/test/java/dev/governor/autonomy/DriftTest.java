package dev.governor.autonomy;

import dev.governor.Api;
import dev.governor.MutableClock;
import dev.governor.policy.DriftResponse;
import dev.governor.testing.AuditRows;
import dev.governor.testing.Given;
import dev.governor.testing.RegisteredAgent;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static dev.governor.testing.TestAuth.asAdmin;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/**
 * The drift job as its schedule calls it, one agent at a time (DriftJob.check), on a history laid
 * down with a moved clock: a changed action mix demotes once, and only once per recent window.
 */
@QuarkusTest
class DriftTest {

    @Inject
    DriftJob job;

    @Inject
    EntityManager em;

    private static void decide(RegisteredAgent agent, String type, int times) {
        for (int i = 0; i < times; i++) {
            Api.decide(agent, Api.action(type, "sandbox", 0, 0, 0, null)).statusCode(200);
        }
    }

    @Test
    void aChangedActionMixDemotesOneLevelOnTheNextRunAndNotAgainOnTheSameEvidence() {
        MutableClock clock = MutableClock.install();
        clock.advance(Duration.ofDays(-20)); // registered before its history, as in life
        RegisteredAgent agent = Given.agent().level("ROUTINE").register();
        decide(agent, "config.read", 12);
        decide(agent, "config.update", 4);
        clock.advance(Duration.ofDays(18));
        assertThat(job.check(agent.id())).as("the baseline alone is no drift").isNull();

        decide(agent, "database.export", 8);
        decide(agent, "user.list", 8);
        clock.advance(Duration.ofDays(2));
        DriftResponder.Applied first = job.check(agent.id());

        assertThat(first.response()).isEqualTo(DriftResponse.Response.DEMOTE);
        assertThat(first.source()).isEqualTo("decision-tables/drift-response.dmn#dr-drift-demote");
        assertThat(first.signals().driftScore()).isEqualTo(1.0);
        asAdmin().get("/v1/agents/{id}", agent.id()).then().body("autonomyLevel", equalTo("ACT_WITH_APPROVAL"));
        asAdmin().get("/v1/agents/{id}/levels", agent.id()).then()
                .body("kind", equalTo(List.of("REGISTERED", "DEMOTED")))
                .body("[1].actor", equalTo("system"))
                .body("[1].source", equalTo("decision-tables/drift-response.dmn#dr-drift-demote"));
        assertThat(AuditRows.payloads(em, "AGENT_DEMOTED", agent.id())).singleElement()
                .asString().contains("\"driftScore\":1.0").contains("dr-drift-demote");

        DriftResponder.Applied second = job.check(agent.id());
        assertThat(second.response()).isEqualTo(DriftResponse.Response.ALERT);
        asAdmin().get("/v1/agents/{id}", agent.id()).then().body("autonomyLevel", equalTo("ACT_WITH_APPROVAL"));
    }

    @Test
    void aSteadyAgentIsLeftAlone() {
        MutableClock clock = MutableClock.install();
        clock.advance(Duration.ofDays(-20)); // registered before its history, as in life
        RegisteredAgent agent = Given.agent().level("ROUTINE").register();
        decide(agent, "config.read", 10);
        decide(agent, "config.update", 5);
        clock.advance(Duration.ofDays(18));
        decide(agent, "config.read", 6);
        decide(agent, "config.update", 3);
        clock.advance(Duration.ofDays(2));

        assertThat(job.check(agent.id())).isNull();
        assertThat(job.signals(agent.id(), false).driftScore()).isLessThan(0.05);
        asAdmin().get("/v1/agents/{id}", agent.id()).then().body("autonomyLevel", equalTo("ROUTINE"));
    }

    /** The caller is the agent reporting its outcome: the incident response runs once the claim has committed. */
    @Test
    void aRollbackWithAnIncidentSuspendsTheAgentAtOnce() {
        RegisteredAgent agent = Given.agent().level("ROUTINE").register();
        String allowed = Api.decide(agent, Api.action("config.update", "sandbox", 0, 0, 0, null)).statusCode(200)
                .body("outcome", equalTo("ALLOW")).extract().path("decisionId");
        io.restassured.RestAssured.given().header("Authorization", "Bearer " + agent.apiKey())
                .contentType(io.restassured.http.ContentType.JSON)
                .body(java.util.Map.of("status", "ROLLED_BACK", "incident", true, "detail", "payments failed"))
                .post("/v1/decisions/{id}/outcome", allowed).then().statusCode(201);

        asAdmin().get("/v1/agents/{id}", agent.id()).then().body("suspended", equalTo(true))
                .body("suspendedReason", org.hamcrest.Matchers.containsString("dr-incident-suspend"));
        assertThat(AuditRows.kinds(em, agent.id())).contains("AGENT_SUSPENDED");
        Api.decide(agent, Api.action("config.update", "sandbox", 0, 0, 0, null)).statusCode(200)
                .body("outcome", equalTo("DENY"));
    }
}
