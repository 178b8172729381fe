package dev.governor.audit;

import dev.governor.testing.Given;
import dev.governor.testing.RegisteredAgent;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static dev.governor.testing.TestAuth.as;

/** Agents and decisions for the audit tests, made through the public API. */
public final class Fixtures {

    private Fixtures() {
    }

    public static RegisteredAgent agent(String level, List<String> environments, List<String> permissions) {
        return Given.agent("audit-" + UUID.randomUUID().toString().substring(0, 8)).task("audit test agent")
                .level(level).environments(environments).permissions(permissions).register();
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

    /** The agent posts a decision request with its own key; {@code extra} adds or overrides top-level fields. */
    public static ValidatableResponse decide(RegisteredAgent agent, Map<String, Object> action, Map<String, Object> extra) {
        Map<String, Object> body = new HashMap<>();
        body.put("agentId", agent.id());
        body.put("sessionId", "run-1");
        body.put("action", action);
        body.put("reasoning", Map.of("goal", "fix config", "prompt", "the secret prompt", "rationale", "fastest"));
        body.putAll(extra);
        return as(agent).contentType(ContentType.JSON).body(body).post("/v1/decisions").then();
    }

    public static String decisionId(RegisteredAgent agent, Map<String, Object> action) {
        return decide(agent, action, Map.of()).statusCode(200).extract().path("decisionId");
    }
}
