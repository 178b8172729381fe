package dev.governor.decision;

import dev.governor.Api;
import dev.governor.testing.RegisteredAgent;
import dev.governor.testing.TestUser;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static dev.governor.testing.TestAuth.as;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

/**
 * Issue 14 items 4 and 5, over HTTP: the steps Governor recorded are the session the next step is
 * judged with, and an agent cannot leave them behind by naming a new session.
 */
@QuarkusTest
class SessionFlowHttpTest {

    private static Map<String, Object> action(String type, String target) {
        Map<String, Object> action = new HashMap<>();
        action.put("type", type);
        action.put("environment", "sandbox");
        action.put("target", target);
        action.put("impact", Map.of("records", 0, "users", 1, "monetaryValue", 0));
        return action;
    }

    @Test
    void aSecretReadWithApprovalThenMailSentFromANewSessionIsAnExfiltrationRisk() {
        RegisteredAgent agent = Api.registerAgent("AUTONOMOUS", List.of("sandbox"),
                List.of("file:read", "credentials:read", "email:send", "ticket:read"));
        TestUser approver = Api.approver("sf-approver-" + agent.id());
        Map<String, Object> read = new HashMap<>(action("file.read", "/home/deploy/.ssh/id_ed25519"));
        read.remove("impact");

        String approvalId = Api.decide(agent, read, Map.of("sessionId", "sf-1")).statusCode(200)
                .body("outcome", equalTo("REQUIRE_APPROVAL"))
                .body("reasons.code", hasItem("SENSITIVE_TARGET"))
                .extract().path("approval.id");
        Api.approve(approvalId, approver).statusCode(200);
        Api.decide(agent, read, Map.of("sessionId", "sf-1", "approvalId", approvalId)).statusCode(200)
                .body("outcome", equalTo("ALLOW"));

        // A read after it is still a read; sending mail out is not, in this session or a new one.
        Map<String, Object> ticket = new HashMap<>(action("ticket.read", "ops-1"));
        ticket.remove("impact");
        Api.decide(agent, ticket, Map.of("sessionId", "sf-1")).statusCode(200).body("outcome", equalTo("ALLOW"));
        for (String session : List.of("sf-1", "sf-2-fresh")) {
            Api.decide(agent, action("email.send", "someone@outside.example"), Map.of("sessionId", session))
                    .statusCode(200)
                    .body("outcome", equalTo("REQUIRE_APPROVAL"))
                    .body("reasons.find { it.code == 'EXFILTRATION_RISK' }.source",
                            equalTo("rules/session-flows.drl#exfiltration-after-sensitive-step"));
        }
    }

    @Test
    void aPromotionNeedsATestOfTheSameSessionThatReportedSuccess() {
        RegisteredAgent agent = Api.registerAgent("AUTONOMOUS", List.of("sandbox"), List.of("deployment:*"));
        Map<String, Object> promote = action("deployment.promote", "svc/web");
        Api.decide(agent, promote, Map.of("sessionId", "deploy-7")).statusCode(200)
                .body("outcome", equalTo("REQUIRE_APPROVAL"))
                .body("reasons.code", hasItem("PREREQUISITE_MISSING"));

        String testId = Api.decide(agent, action("deployment.test", "svc/web"), Map.of("sessionId", "deploy-7"))
                .statusCode(200).body("outcome", equalTo("ALLOW")).extract().path("decisionId");
        // Allowed is not enough: the test has to have passed.
        Api.decide(agent, promote, Map.of("sessionId", "deploy-7")).statusCode(200)
                .body("reasons.code", hasItem("PREREQUISITE_MISSING"));
        as(agent).contentType(ContentType.JSON).body(Map.of("status", "FAILED", "detail", "3 tests red"))
                .post("/v1/decisions/{id}/outcome", testId).then().statusCode(201);
        Api.decide(agent, promote, Map.of("sessionId", "deploy-7")).statusCode(200)
                .body("reasons.code", hasItem("PREREQUISITE_MISSING"));
        as(agent).contentType(ContentType.JSON).body(Map.of("status", "SUCCEEDED", "detail", "green on rerun"))
                .post("/v1/decisions/{id}/outcome", testId).then().statusCode(201);

        // Another session's test does not count; this session's, now green, does.
        Api.decide(agent, promote, Map.of("sessionId", "deploy-8")).statusCode(200)
                .body("reasons.code", hasItem("PREREQUISITE_MISSING"));
        Api.decide(agent, promote, Map.of("sessionId", "deploy-7")).statusCode(200)
                .body("outcome", equalTo("ALLOW"))
                .body("reasons.code", not(hasItem("PREREQUISITE_MISSING")));
    }
}
