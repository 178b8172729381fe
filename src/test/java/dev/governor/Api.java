package dev.governor;

import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;

/** Small REST helpers shared by the approval, plan and budget tests. */
public final class Api {

    private Api() {
    }

    public static String registerAgent(String level, List<String> environments, List<String> permissions) {
        String id = "agent-" + UUID.randomUUID().toString().substring(0, 8);
        given().contentType(ContentType.JSON)
                .body(Map.of("id", id, "owner", "alice@example.com", "task", "test agent",
                        "autonomyLevel", level, "environments", environments, "permissions", permissions))
                .post("/v1/agents").then().statusCode(201);
        return id;
    }

    public static Map<String, Object> action(String type, String environment, long records, long users, long money,
                                             String rollbackPlan) {
        Map<String, Object> action = new HashMap<>();
        action.put("type", type);
        action.put("environment", environment);
        action.put("target", "target/" + type);
        action.put("impact", Map.of("records", records, "users", users, "monetaryValue", money));
        if (rollbackPlan != null) action.put("rollbackPlan", rollbackPlan);
        return action;
    }

    /** {@code extra} adds fields such as approvalId, planId, stepIndex, inputs. */
    public static ValidatableResponse decide(String agentId, Map<String, Object> action, Map<String, Object> extra) {
        Map<String, Object> body = new HashMap<>(extra);
        body.put("agentId", agentId);
        body.put("sessionId", "run-1");
        body.put("action", action);
        body.put("reasoning", Map.of("goal", "keep shipments moving", "rationale", "storm on the usual route"));
        return given().contentType(ContentType.JSON).body(body).post("/v1/decisions").then();
    }

    public static ValidatableResponse decide(String agentId, Map<String, Object> action) {
        return decide(agentId, action, Map.of());
    }

    public static ValidatableResponse approve(String approvalId, String approver) {
        return given().contentType(ContentType.JSON).body(Map.of("approver", approver, "comment", "looks right"))
                .post("/v1/approvals/{id}/approve", approvalId).then();
    }

    public static ValidatableResponse reject(String approvalId, String approver) {
        return given().contentType(ContentType.JSON).body(Map.of("approver", approver, "comment", "not now"))
                .post("/v1/approvals/{id}/reject", approvalId).then();
    }
}
