package dev.governor.plan;

import dev.governor.testing.RegisteredAgent;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static dev.governor.Api.action;
import static dev.governor.Api.approve;
import static dev.governor.Api.approver;
import static dev.governor.Api.decide;
import static dev.governor.Api.registerAgent;
import static dev.governor.testing.TestAuth.as;
import static dev.governor.testing.TestAuth.asAdmin;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

@QuarkusTest
class PlanResourceTest {

    private static ValidatableResponse plan(RegisteredAgent agent, List<Map<String, Object>> actions) {
        return as(agent).contentType(ContentType.JSON)
                .body(Map.of("agentId", agent.id(), "sessionId", "run-7", "goal", "clean up the staging data",
                        "steps", actions.stream().map(a -> Map.of("action", a)).toList()))
                .post("/v1/plans").then();
    }

    private static ValidatableResponse step(RegisteredAgent agent, String planId, int index, Map<String, Object> action) {
        return decide(agent, action, Map.of("planId", planId, "stepIndex", index));
    }

    private static RegisteredAgent autonomous() {
        return registerAgent("AUTONOMOUS", List.of("sandbox"), List.of("*:*"));
    }

    @Test
    void anApprovedPlanIsExecutedStepByStepEachOnce() {
        RegisteredAgent agent = autonomous();
        var update = action("config.update", "sandbox", 1, 0, 0, null);
        var drop = action("database.drop", "sandbox", 500, 0, 0, "restore from backup b-1");
        String planId = plan(agent, List.of(update, drop)).statusCode(200)
                .body("outcome", is("REQUIRE_APPROVAL"))
                .body("steps.outcome", contains("ALLOW", "REQUIRE_APPROVAL"))
                .body("steps[1].reversibility", is("IRREVERSIBLE"))
                .body("approval.status", is("PENDING"))
                .extract().path("planId");
        String approvalId = asAdmin().get("/v1/plans/{id}", planId).then().statusCode(200)
                .extract().path("response.approval.id");

        step(agent, planId, 0, update).statusCode(200)
                .body("outcome", is("REQUIRE_APPROVAL")).body("reasons.code", hasItem("APPROVAL_PENDING"))
                .body("approval.id", is(approvalId));
        asAdmin().get("/v1/approvals/{id}", approvalId).then()
                .body("planId", is(planId)).body("decisionId", nullValue())
                .body("request.steps[1].action.type", is("database.drop"));
        approve(approvalId, approver("bob@example.com")).statusCode(200);

        step(agent, planId, 0, update).statusCode(200).body("outcome", is("ALLOW"));
        step(agent, planId, 0, update).statusCode(200)
                .body("outcome", is("DENY")).body("reasons.code", hasItem("APPROVAL_CONSUMED"));
        step(agent, planId, 1, action("database.drop", "sandbox", 501, 0, 0, "restore from backup b-1"))
                .statusCode(200).body("outcome", is("DENY")).body("reasons.code", hasItem("APPROVAL_MISMATCH"));
        step(agent, planId, 1, drop).statusCode(200)
                .body("outcome", is("ALLOW")).body("reasons.code", contains("APPROVED"))
                .body("approval.status", is("CONSUMED"));
        step(agent, planId, 2, drop).statusCode(200).body("outcome", is("DENY"))
                .body("reasons.code", hasItem("APPROVAL_MISMATCH"));
        asAdmin().get("/v1/plans/{id}", planId).then()
                .body("steps.executedBy", not(hasItem(nullValue())));
    }

    @Test
    void manySmallStepsAreWeighedTogether() {
        RegisteredAgent agent = autonomous();
        var adjust = action("inventory.adjust", "sandbox", 10, 400, 0, null);
        plan(agent, List.of(adjust, adjust, adjust)).statusCode(200)
                .body("steps.outcome", contains("ALLOW", "ALLOW", "ALLOW"))
                .body("steps.blastRadius", contains("MEDIUM", "MEDIUM", "MEDIUM"))
                .body("cumulativeImpact.users", is(1200))
                .body("cumulativeImpact.blastRadius", is("HIGH"))
                .body("outcome", is("REQUIRE_APPROVAL"))
                .body("reasons.source", hasItem("rules/plans.drl#cumulative-impact"));
    }

    @Test
    void irreversibleStepsAndMissingRollbackPlansNeedSignOff() {
        RegisteredAgent agent = autonomous();
        var drop = action("database.drop", "sandbox", 1, 0, 0, null);
        plan(agent, List.of(drop, action("database.drop", "sandbox", 1, 0, 0, "restore"))).statusCode(200)
                .body("outcome", is("REQUIRE_APPROVAL"))
                .body("reasons.code", hasItem("MULTIPLE_IRREVERSIBLE_STEPS"))
                .body("reasons.code", hasItem("NO_ROLLBACK_PLAN"));
    }

    @Test
    void stepsOutsideThePermissionsDenyThePlanAndItsSteps() {
        RegisteredAgent agent = registerAgent("AUTONOMOUS", List.of("sandbox"), List.of("config:*"));
        var update = action("config.update", "sandbox", 1, 0, 0, null);
        var delete = action("environment.delete", "sandbox", 0, 0, 0, "recreate");
        String planId = plan(agent, List.of(update, delete)).statusCode(200)
                .body("outcome", is("DENY"))
                .body("approval", nullValue())
                .body("reasons.source", hasItem("rules/plans.drl#permissions"))
                .extract().path("planId");
        step(agent, planId, 0, update).statusCode(200).body("outcome", is("DENY"));
    }

    @Test
    void anAllowedPlanRunsWithoutApprovalButEachStepOnce() {
        RegisteredAgent agent = autonomous();
        var update = action("config.update", "sandbox", 1, 0, 0, null);
        String planId = plan(agent, List.of(update)).statusCode(200)
                .body("outcome", is("ALLOW")).body("approval", nullValue())
                .extract().path("planId");

        step(agent, planId, 0, update).statusCode(200).body("outcome", is("ALLOW"));
        step(agent, planId, 0, update).statusCode(200).body("outcome", is("DENY"))
                .body("reasons.code", hasItem("APPROVAL_CONSUMED"));
        decide(registerAgent("AUTONOMOUS", List.of("sandbox"), List.of("*:*")), update,
                Map.of("planId", planId, "stepIndex", 0)).statusCode(200)
                .body("outcome", is("DENY")).body("reasons.code", hasItem("APPROVAL_MISMATCH"));
    }

    @Test
    void invalidPlansNameTheField() {
        RegisteredAgent agent = autonomous();
        plan(agent, List.of()).statusCode(400).body("violations.field", hasItem("steps"));
        as(agent).contentType(ContentType.JSON).body(Map.of("agentId", agent.id(), "steps", List.of(Map.of("action",
                        Map.of("type", "Bad Type", "environment", "sandbox")))))
                .post("/v1/plans").then().statusCode(400).body("violations.field", hasItem("steps[0].action.type"));
        decide(agent, action("config.update", "sandbox", 0, 0, 0, null), Map.of("planId",
                java.util.UUID.randomUUID().toString())).statusCode(400).body("violations.field", hasItem("stepIndex"));
        asAdmin().get("/v1/plans/{id}", java.util.UUID.randomUUID()).then().statusCode(404)
                .body("status", notNullValue());
    }
}
