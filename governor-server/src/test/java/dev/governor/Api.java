package dev.governor;

import dev.governor.testing.Given;
import dev.governor.testing.RegisteredAgent;
import dev.governor.testing.TestUser;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static dev.governor.testing.TestAuth.as;

/** Small REST helpers shared by the approval, plan and budget tests. Each names its caller. */
public final class Api {

    private Api() {
    }

    public static RegisteredAgent registerAgent(String level, List<String> environments, List<String> permissions) {
        return Given.agent().level(level).environments(environments).permissions(permissions).register();
    }

    /** A user with the approver role only. */
    public static TestUser approver(String name) {
        return Given.user(name).roles("approver").create();
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

    /** The agent asks for itself, with its own key; {@code extra} adds approvalId, planId, stepIndex, inputs, sessionId. */
    public static ValidatableResponse decide(RegisteredAgent agent, Map<String, Object> action, Map<String, Object> extra) {
        Map<String, Object> body = new HashMap<>(extra);
        body.put("agentId", agent.id());
        body.putIfAbsent("sessionId", "run-1");
        body.put("action", action);
        body.put("reasoning", Map.of("goal", "keep shipments moving", "rationale", "storm on the usual route"));
        return as(agent).contentType(ContentType.JSON).body(body).post("/v1/decisions").then();
    }

    public static ValidatableResponse decide(RegisteredAgent agent, Map<String, Object> action) {
        return decide(agent, action, Map.of());
    }

    /**
     * The outcome and reason codes of one step, sent again while Governor answers 503 (busy, not
     * judged), as a client would: every step is eventually judged, and none is counted twice.
     */
    public static String judged(RegisteredAgent agent, Map<String, Object> action) throws InterruptedException {
        for (int attempt = 0; attempt < 50; attempt++) {
            var response = decide(agent, action).extract();
            if (response.statusCode() == 200) return response.path("outcome") + " " + response.path("reasons.code");
            org.assertj.core.api.Assertions.assertThat(response.statusCode()).as(response.asString()).isEqualTo(503);
            Thread.sleep(100);
        }
        throw new AssertionError("still 503 after 50 attempts");
    }

    /** The approver signs off as itself, naming itself in the body. */
    public static ValidatableResponse approve(String approvalId, TestUser approver) {
        return as(approver).contentType(ContentType.JSON)
                .body(Map.of("approver", approver.name(), "comment", "looks right"))
                .post("/v1/approvals/{id}/approve", approvalId).then();
    }

    public static ValidatableResponse reject(String approvalId, TestUser approver) {
        return as(approver).contentType(ContentType.JSON)
                .body(Map.of("approver", approver.name(), "comment", "not now"))
                .post("/v1/approvals/{id}/reject", approvalId).then();
    }
}
