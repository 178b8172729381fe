package dev.governor.approval;

import dev.governor.testing.Races;
import dev.governor.testing.TestAuth;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.Test;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;

/**
 * An approval used as a hostile agent would: for another action, by another agent, twice at
 * once, and against refusals it must never lift (freeze, halt, permission). Every caller is
 * explicit: the administrator's token, an approver's token, each agent's own key.
 */
@QuarkusTest
class ApprovalLiftHostileTest {

    private record Agent(String id, String key) {
    }

    private static Agent agent(String environment, List<String> permissions) {
        String id = "hostile-" + UUID.randomUUID().toString().substring(0, 8);
        String key = TestAuth.asAdmin().contentType(ContentType.JSON)
                .body(Map.of("id", id, "owner", dev.governor.testing.Given.owner("alice@example.com"), "task", "t", "autonomyLevel", "AUTONOMOUS",
                        "environments", List.of(environment), "permissions", permissions))
                .post("/v1/agents").then().statusCode(201).extract().path("apiKey");
        return new Agent(id, key);
    }

    private static String environment() {
        return "sandbox-" + UUID.randomUUID().toString().substring(0, 8); // listed (sandbox tier), own freezes and budgets
    }

    private static Map<String, Object> drop(String environment, long records) {
        return Map.of("type", "database.drop", "environment", environment, "target", "db/orders",
                "impact", Map.of("records", records, "users", 0, "monetaryValue", 0), "rollbackPlan", "restore from backup b-7");
    }

    private static ValidatableResponse decide(Agent agent, Map<String, Object> action, Map<String, Object> extra) {
        Map<String, Object> body = new HashMap<>(extra);
        body.put("agentId", agent.id());
        body.put("action", action);
        return TestAuth.as(agent.key()).contentType(ContentType.JSON).body(body).post("/v1/decisions").then();
    }

    private static String approved(Agent agent, Map<String, Object> action) {
        String approvalId = decide(agent, action, Map.of()).statusCode(200).body("outcome", is("REQUIRE_APPROVAL"))
                .extract().path("approval.id");
        TestAuth.as(TestAuth.user("bob@example.com", "approver")).contentType(ContentType.JSON)
                .body(Map.of("comment", "checked")).post("/v1/approvals/{id}/approve", approvalId)
                .then().statusCode(200).body("status", is("APPROVED"));
        return approvalId;
    }

    private static String status(String approvalId) {
        return TestAuth.asAdmin().get("/v1/approvals/{id}", approvalId).then().statusCode(200).extract().path("status");
    }

    @Test
    void anApprovalForAnotherActionOrAnotherAgentIsAMismatchAndStaysUnused() {
        String env = environment();
        Agent owner = agent(env, List.of("*:*"));
        Agent thief = agent(env, List.of("*:*"));
        String approvalId = approved(owner, drop(env, 5000));

        decide(owner, drop(env, 5001), Map.of("approvalId", approvalId)).statusCode(200)
                .body("outcome", is("DENY")).body("reasons.code", hasItem("APPROVAL_MISMATCH"))
                .body("reasons.source", hasItem("rules/approvals.drl#approval-for-another-action"));
        decide(thief, drop(env, 5000), Map.of("approvalId", approvalId)).statusCode(200)
                .body("outcome", is("DENY")).body("reasons.code", hasItem("APPROVAL_MISMATCH"))
                .body("reasons.source", hasItem("rules/approvals.drl#approval-for-another-agent"));
        assertThat(status(approvalId)).isEqualTo("APPROVED");

        String used = decide(owner, drop(env, 5000), Map.of("approvalId", approvalId)).statusCode(200)
                .body("outcome", is("ALLOW")).body("approval.status", is("CONSUMED"))
                .extract().path("decisionId");
        TestAuth.asAdmin().get("/v1/decisions/{id}", used).then().statusCode(200)
                .body("outcome", is("ALLOW"))
                .body("policyVerdict.outcome", is("REQUIRE_APPROVAL"))
                .body("policyVerdict.reasons.code", hasItem("IRREVERSIBLE_ACTION"))
                .body("facts.approval.status", is("APPROVED"));
    }

    @Test
    void anApprovalNeverLiftsAFreezeAHaltOrAMissingPermission() {
        String env = environment();
        Agent agent = agent(env, List.of("*:*"));
        String approvalId = approved(agent, drop(env, 5000));

        String freezeId = TestAuth.asAdmin().contentType(ContentType.JSON)
                .body(Map.of("environment", env, "until", OffsetDateTime.now(ZoneOffset.UTC).plusHours(1).toString(),
                        "reason", "release week"))
                .post("/v1/freezes").then().statusCode(201).extract().path("id");
        decide(agent, drop(env, 5000), Map.of("approvalId", approvalId)).statusCode(200)
                .body("outcome", is("DENY")).body("reasons.code", hasItem("CODE_FREEZE"))
                .body("reasons.code", not(hasItem("APPROVED")));
        TestAuth.asAdmin().delete("/v1/freezes/{id}", freezeId).then().statusCode(200);
        assertThat(status(approvalId)).isEqualTo("APPROVED");

        TestAuth.asAdmin().contentType(ContentType.JSON).body(Map.of("reason", "hostile test"))
                .post("/v1/halt").then().statusCode(200);
        try {
            decide(agent, drop(env, 5000), Map.of("approvalId", approvalId)).statusCode(200)
                    .body("outcome", is("DENY")).body("reasons.code", hasItem("GLOBAL_HALT"))
                    .body("reasons.code", not(hasItem("APPROVED")));
        } finally {
            TestAuth.asAdmin().delete("/v1/halt").then().statusCode(200);
        }
        assertThat(status(approvalId)).isEqualTo("APPROVED");

        TestAuth.asAdmin().contentType(ContentType.JSON)
                .body(Map.of("owner", dev.governor.testing.Given.owner("alice@example.com"), "task", "t", "autonomyLevel", "AUTONOMOUS",
                        "environments", List.of(env), "permissions", List.of("config:*")))
                .put("/v1/agents/{id}", agent.id()).then().statusCode(200);
        decide(agent, drop(env, 5000), Map.of("approvalId", approvalId)).statusCode(200)
                .body("outcome", is("DENY")).body("reasons.code", hasItem("PERMISSION_NOT_GRANTED"))
                .body("reasons.code", not(hasItem("APPROVED")));
        assertThat(status(approvalId)).isEqualTo("APPROVED");
    }

    @Test
    void aConsumedApprovalReusedConcurrentlyIsRefusedEveryTime() throws Exception {
        String env = environment();
        Agent agent = agent(env, List.of("*:*"));
        String approvalId = approved(agent, drop(env, 5000));
        decide(agent, drop(env, 5000), Map.of("approvalId", approvalId)).statusCode(200).body("outcome", is("ALLOW"));

        List<String> codes = Races.race(8, () -> decide(agent, drop(env, 5000), Map.of("approvalId", approvalId))
                .statusCode(200).body("outcome", is("DENY")).extract().<List<String>>path("reasons.code").toString());
        assertThat(codes).allMatch(c -> c.contains("APPROVAL_CONSUMED"));
        TestAuth.asAdmin().get("/v1/approvals/{id}", approvalId).then()
                .body("events.type", org.hamcrest.Matchers.contains("OPENED", "APPROVED", "CONSUMED"));
    }

    @Test
    void aPlanStepRacedByConcurrentExecutionsRunsOnce() throws Exception {
        String env = environment();
        Agent agent = agent(env, List.of("*:*"));
        Map<String, Object> update = Map.of("type", "config.update", "environment", env, "target", "cfg/a",
                "impact", Map.of("records", 1, "users", 0, "monetaryValue", 0));
        String planId = TestAuth.as(agent.key()).contentType(ContentType.JSON)
                .body(Map.of("agentId", agent.id(), "goal", "one step", "steps", List.of(Map.of("action", update))))
                .post("/v1/plans").then().statusCode(200).body("outcome", is("ALLOW")).extract().path("planId");

        int threads = 8;
        List<String> outcomes = Races.race(threads, () -> decide(agent, update, Map.of("planId", planId, "stepIndex", 0))
                .statusCode(200).extract().<String>path("outcome"));
        assertThat(outcomes).filteredOn("ALLOW"::equals).hasSize(1);
        assertThat(outcomes).filteredOn("DENY"::equals).hasSize(threads - 1);
        TestAuth.asAdmin().get("/v1/plans/{id}", planId).then().statusCode(200)
                .body("steps[0].executedBy", org.hamcrest.Matchers.notNullValue());
    }
}
