package dev.governor.audit;

import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;

/** Agents and decisions for the audit tests, made through the public API. */
public final class Fixtures {

    private Fixtures() {
    }

    public static String agent(String level, List<String> environments, List<String> permissions) {
        String id = "audit-" + UUID.randomUUID().toString().substring(0, 8);
        given().contentType(ContentType.JSON)
                .body(Map.of("id", id, "owner", "alice@example.com", "task", "audit test agent",
                        "autonomyLevel", level, "environments", environments, "permissions", permissions))
                .post("/v1/agents").then().statusCode(201);
        return id;
    }

    public static Map<String, Object> action(String type, String environment, String target) {
        Map<String, Object> action = new HashMap<>();
        action.put("type", type);
        action.put("environment", environment);
        action.put("target", target);
        action.put("impact", Map.of("records", 0, "users", 10, "monetaryValue", 0));
        action.put("rollbackPlan", "revert the change");
        return action;
    }

    /** Posts a decision request; {@code extra} adds or overrides top-level fields (sessionId, inputs, ...). */
    public static ValidatableResponse decide(String agentId, Map<String, Object> action, Map<String, Object> extra) {
        Map<String, Object> body = new HashMap<>();
        body.put("agentId", agentId);
        body.put("sessionId", "run-1");
        body.put("action", action);
        body.put("reasoning", Map.of("goal", "fix config", "prompt", "the secret prompt", "rationale", "fastest"));
        body.putAll(extra);
        return given().contentType(ContentType.JSON).body(body).post("/v1/decisions").then();
    }

    public static String decisionId(String agentId, Map<String, Object> action) {
        return decide(agentId, action, Map.of()).statusCode(200).extract().path("decisionId");
    }
}
