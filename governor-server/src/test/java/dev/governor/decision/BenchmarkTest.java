package dev.governor.decision;

import dev.governor.MutableClock;
import dev.governor.audit.Fixtures;
import dev.governor.testing.Given;
import dev.governor.testing.RegisteredAgent;
import dev.governor.testing.TestUser;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import static dev.governor.testing.TestAuth.as;
import static dev.governor.testing.TestAuth.asAdmin;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;

/** A small simulated history, far in the (mocked) future so nothing else lands in its window. */
@QuarkusTest
class BenchmarkTest {

    @Test
    void agentsAndHumanOperatorsAreMeasuredAlikeAndExactly() {
        MutableClock clock = MutableClock.install();
        clock.advance(Duration.ofDays(4000 + (long) (Math.random() * 1000)));
        RegisteredAgent agent = register("AUTONOMOUS", "AGENT");
        RegisteredAgent observer = register("OBSERVE", null);
        RegisteredAgent human = register("AUTONOMOUS", "HUMAN_OPERATOR");
        asAdmin().get("/v1/agents/{id}", human.id()).then().body("kind", is("HUMAN_OPERATOR"));
        asAdmin().get("/v1/agents/{id}", observer.id()).then().body("kind", is("AGENT"));
        TestUser approver = Given.user("bea@example.com").roles("approver").create();

        String d1 = decide(agent), d2 = decide(agent), d3 = decide(agent), h1 = decide(human);
        decide(human);
        String r1 = decide(observer), r2 = decide(observer);
        clock.advance(Duration.ofSeconds(10));
        TrackRecordsTest.report(agent, d1, "SUCCEEDED", false);
        clock.advance(Duration.ofSeconds(10));
        TrackRecordsTest.report(agent, d2, "ROLLED_BACK", true);
        clock.advance(Duration.ofSeconds(10));
        TrackRecordsTest.report(human, h1, "SUCCEEDED", false);
        clock.advance(Duration.ofSeconds(30));
        TrackRecordsTest.report(agent, d3, "SUCCEEDED", false);
        for (String id : new String[] {d1, d2, h1}) review(approver, id, "confirm");
        review(approver, d3, "dispute");
        act(approver, r1, "ACCEPTED");
        act(approver, r2, "REJECTED");

        JsonPath all = as(approver).queryParam("window", "PT1H").get("/v1/benchmarks").then().statusCode(200)
                .body("classBy", is("REVERSIBILITY")).extract().jsonPath();
        assertThat(all.getList("classes.actionClass")).containsExactly("REVERSIBLE");
        JsonPath b = as(approver).queryParam("window", "PT1H").queryParam("actionType", "config.update")
                .get("/v1/benchmarks").then().statusCode(200).body("classBy", is("ACTION_TYPE")).extract().jsonPath();
        assertThat(b.getString("classes[0].actionClass")).isEqualTo("config.update");
        for (JsonPath j : new JsonPath[] {all, b}) {
            Map<String, Object> a = j.getMap("classes[0].agents");
            assertThat(a).containsEntry("decisions", 5).containsEntry("humanReviewed", 2).containsEntry("humanAgreed", 1)
                    .containsEntry("agreementRate", 0.5f).containsEntry("confirmed", 2)
                    .containsEntry("confirmedSucceeded", 1).containsEntry("confirmedRolledBack", 1)
                    .containsEntry("successRate", 0.5f).containsEntry("rollbackRate", 0.5f)
                    .containsEntry("incidents", 1).containsEntry("claimed", 3).containsEntry("medianSecondsToAct", 20.0f);
            Map<String, Object> h = j.getMap("classes[0].humanOperators");
            assertThat(h).containsEntry("decisions", 2).containsEntry("humanReviewed", 0)
                    .containsEntry("agreementRate", null).containsEntry("confirmed", 1)
                    .containsEntry("successRate", 1.0f).containsEntry("rollbackRate", 0.0f)
                    .containsEntry("incidents", 0).containsEntry("claimed", 1).containsEntry("medianSecondsToAct", 30.0f);
        }
        JsonPath none = as(approver).queryParam("window", "PT1H").queryParam("actionType", "database.drop")
                .get("/v1/benchmarks").then().statusCode(200).extract().jsonPath();
        assertThat(none.getList("classes")).isEmpty();
    }

    @Test
    void badQueriesAre400NamingTheParameter() {
        for (String[] bad : new String[][] {{"window", "30 days"}, {"window", "-P1D"}, {"window", "P0D"},
                {"window", "P9999D"}, {"window", "P99999999999999999999D"}, {"actionType", "DROP TABLE"},
                {"actionType", "x'; --.y"}}) {
            asAdmin().queryParam(bad[0], bad[1]).get("/v1/benchmarks").then().statusCode(400)
                    .contentType("application/problem+json").body("violations.field", hasItem(bad[0]));
        }
    }

    private static RegisteredAgent register(String level, String kind) {
        var spec = Given.agent("bench-" + UUID.randomUUID().toString().substring(0, 8)).owner("olive@example.com")
                .level(level).environments("sandbox").permissions("config:*");
        if (kind != null) spec.with("kind", kind);
        return spec.register();
    }

    private static String decide(RegisteredAgent agent) {
        return Fixtures.decisionId(agent, Fixtures.action("config.update", "sandbox", "cfg/" + UUID.randomUUID()));
    }

    private static void review(TestUser user, String id, String verdict) {
        as(user).contentType(ContentType.JSON).body(Map.of()).post("/v1/decisions/{id}/outcome/" + verdict, id)
                .then().statusCode(201);
    }

    private static void act(TestUser user, String id, String action) {
        as(user).contentType(ContentType.JSON).body(Map.of("action", action))
                .post("/v1/decisions/{id}/human-action", id).then().statusCode(201);
    }
}
