package dev.governor.decision;

import dev.governor.testing.Given;
import dev.governor.testing.RegisteredAgent;
import dev.governor.testing.TestAuth;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static dev.governor.testing.TestAuth.as;
import static dev.governor.testing.TestAuth.asAdmin;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

@QuarkusTest
class DecisionResourceTest {

    private static RegisteredAgent registerAgent(String level, List<String> environments, List<String> permissions) {
        return Given.agent().level(level).environments(environments).permissions(permissions).register();
    }

    private static Map<String, Object> action(String type, String environment, int users, String rollbackPlan) {
        var action = new java.util.HashMap<String, Object>();
        action.put("type", type);
        action.put("environment", environment);
        action.put("target", "env/payments-prod");
        action.put("impact", Map.of("records", 0, "users", users, "monetaryValue", 0));
        if (rollbackPlan != null) {
            action.put("rollbackPlan", rollbackPlan);
        }
        return action;
    }

    private static ValidatableResponse decide(RegisteredAgent agent, Map<String, Object> action) {
        return decide(as(agent), agent.id(), action);
    }

    private static ValidatableResponse decide(RequestSpecification caller, String agentId, Map<String, Object> action) {
        return caller.contentType(ContentType.JSON)
                .body(Map.of("agentId", agentId, "sessionId", "run-42", "action", action,
                        "reasoning", Map.of("goal", "fix config", "prompt", "the prompt text",
                                "rationale", "fastest path", "alternatives", List.of("edit the value"),
                                "toolCall", Map.of("tool", "kubectl", "args", List.of("delete", "env")))))
                .post("/v1/decisions")
                .then();
    }

    @Test
    void configFixerDeletingProductionIsDeniedForMissingPermission() {
        RegisteredAgent agent = registerAgent("ROUTINE", List.of("sandbox", "production"), List.of("config:*", "service:read"));

        decide(agent, action("environment.delete", "production", 4000, "recreate from snapshot snap-123"))
                .statusCode(200)
                .body("decisionId", notNullValue())
                .body("outcome", org.hamcrest.Matchers.is("DENY"))
                .body("reversibility", org.hamcrest.Matchers.is("IRREVERSIBLE"))
                .body("reasons.code", hasItem("PERMISSION_NOT_GRANTED"))
                .body("reasons.source", everyItem(matchesPattern("^(rules|decision-tables)/.+#.+$")))
                .body("policyVersion", startsWith("sha256:"))
                .body("approval", nullValue());
    }

    @Test
    void irreversibleProductionActionOpensPendingApprovalEvenForAutonomousAgent() {
        RegisteredAgent agent = registerAgent("AUTONOMOUS", List.of("production"), List.of("*:*"));

        decide(agent, action("environment.delete", "production", 4000, "recreate from snapshot snap-123"))
                .statusCode(200)
                .body("outcome", org.hamcrest.Matchers.is("REQUIRE_APPROVAL"))
                .body("reasons.code", hasItem("IRREVERSIBLE_ACTION"))
                .body("approval.id", notNullValue())
                .body("approval.status", org.hamcrest.Matchers.is("PENDING"))
                .body("approval.expiresAt", notNullValue());
    }

    @Test
    void unknownAgentCannotEvenAsk() {
        // Only a registered agent holds a key, so an unknown agent is refused at the door (401);
        // the policy's own UNKNOWN_AGENT rule is pinned by policy-tests/identity-and-permissions.yaml.
        decide(as(TestAuth.UNKNOWN_AGENT_KEY), "nobody-" + UUID.randomUUID().toString().substring(0, 8), action("config.update", "sandbox", 0, null))
                .statusCode(401);
    }

    @Test
    void suspendedAgentIsDenied() {
        RegisteredAgent agent = registerAgent("AUTONOMOUS", List.of("sandbox"), List.of("*:*"));
        asAdmin().contentType(ContentType.JSON).body(Map.of("reason", "drifting"))
                .post("/v1/agents/{id}/suspend", agent.id()).then().statusCode(200);

        decide(agent, action("config.update", "sandbox", 0, null))
                .statusCode(200)
                .body("outcome", org.hamcrest.Matchers.is("DENY"))
                .body("reasons.code", hasItem("AGENT_SUSPENDED"));
    }

    @Test
    void freezeDeniesMutationsButLetsReadsPass() {
        String environment = "frozen-" + UUID.randomUUID().toString().substring(0, 8);
        RegisteredAgent agent = registerAgent("AUTONOMOUS", List.of(environment), List.of("*:*"));
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        asAdmin().contentType(ContentType.JSON)
                .body(Map.of("environment", environment, "from", now.minusMinutes(5).toString(),
                        "until", now.plusHours(2).toString(), "reason", "quarter-end code freeze"))
                .post("/v1/freezes").then().statusCode(201);

        decide(agent, action("database.drop", environment, 1200, "restore from backup"))
                .statusCode(200)
                .body("outcome", org.hamcrest.Matchers.is("DENY"))
                .body("reasons.code", hasItem("CODE_FREEZE"));
        decide(agent, action("data.read", environment, 0, null))
                .statusCode(200)
                .body("outcome", org.hamcrest.Matchers.is("ALLOW"))
                .body("reasons.code", not(hasItem("CODE_FREEZE")));
    }

    @Test
    void storedRecordKeepsRequestReasoningFiringsAndVersion() {
        RegisteredAgent agent = registerAgent("ACT_WITH_APPROVAL", List.of("sandbox"), List.of("config:update"));
        String id = decide(agent, action("config.update", "sandbox", 10, null))
                .statusCode(200).extract().path("decisionId");
        String version = asAdmin().get("/v1/policies").then().statusCode(200).extract().path("version");

        asAdmin().get("/v1/decisions/{id}", id).then()
                .statusCode(200)
                .body("decisionId", org.hamcrest.Matchers.is(id))
                .body("agentId", org.hamcrest.Matchers.is(agent.id()))
                .body("request.reasoning.prompt", org.hamcrest.Matchers.is("the prompt text"))
                .body("request.reasoning.toolCall.tool", org.hamcrest.Matchers.is("kubectl"))
                .body("facts.agent.autonomyLevel", org.hamcrest.Matchers.is("ACT_WITH_APPROVAL"))
                .body("facts.agent.permissions", hasItem("config:update"))
                .body("facts.now", notNullValue())
                .body("response.outcome", org.hamcrest.Matchers.is("REQUIRE_APPROVAL"))
                .body("response.approval.status", org.hamcrest.Matchers.is("PENDING"))
                .body("tableRowsMatched.file", hasItem("decision-tables/governance-gate.dmn"))
                .body("tableRowsMatched.rowId", everyItem(notNullValue()))
                .body("rulesFired.rule", hasItem(notNullValue()))
                .body("policyVersion", org.hamcrest.Matchers.is(version))
                .body("latencyMicros", notNullValue())
                .body("decidedAt", notNullValue());
    }

    @Test
    void policiesListTheLoadedFiles() {
        asAdmin().get("/v1/policies").then()
                .statusCode(200)
                .body("version", matchesPattern("^sha256:[0-9a-f]{64}$"))
                .body("loadedAt", notNullValue())
                .body("files.path", hasItem("decision-tables/governance-gate.dmn"))
                .body("files.path", hasItem(endsWith(".xlsx")))
                .body("files.path", hasItem(endsWith(".drl")))
                .body("files.kind", hasItem("DMN"));
    }

    private static org.hamcrest.Matcher<String> endsWith(String suffix) {
        return org.hamcrest.Matchers.endsWith(suffix);
    }

    @Test
    void unknownDecisionIs404ProblemJson() {
        asAdmin().get("/v1/decisions/{id}", UUID.randomUUID()).then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("status", org.hamcrest.Matchers.is(404));
        asAdmin().get("/v1/decisions/not-a-uuid").then().statusCode(404);
    }

    @Test
    void invalidRequestsNameTheField() {
        RegisteredAgent agent = registerAgent("ROUTINE", List.of("sandbox"), List.of("config:*"));

        as(agent).contentType(ContentType.JSON).body(Map.of("agentId", agent.id()))
                .post("/v1/decisions").then()
                .statusCode(400).contentType("application/problem+json")
                .body("violations.field", hasItem("action"));

        decide(agent, action("config.update", "sandbox", -1, null))
                .statusCode(400)
                .body("violations.field", hasItem("action.impact.users"));

        decide(agent, action("Config Update", "sandbox", 0, null))
                .statusCode(400)
                .body("violations.field", hasItem("action.type"));

        as(agent).contentType(ContentType.JSON)
                .body(Map.of("agentId", agent.id(), "outcome", "ALLOW", "action", action("config.update", "sandbox", 0, null)))
                .post("/v1/decisions").then()
                .statusCode(400)
                .body("violations.field", hasItem("outcome"));

        as(agent).contentType(ContentType.JSON)
                .body("{\"agentId\": \"" + agent.id() + "\", \"action\": {\"type\": \"config.update\", "
                        + "\"environment\": \"sandbox\", \"impact\": {\"users\": \"many\"}}}")
                .post("/v1/decisions").then()
                .statusCode(400)
                .body("violations.field", hasItem("action.impact.users"));

        as(agent).contentType(ContentType.TEXT).body("hello")
                .post("/v1/decisions").then()
                .statusCode(415).contentType("application/problem+json");

        as(agent).contentType(ContentType.JSON).body("{\"agentId\": ")
                .post("/v1/decisions").then()
                .statusCode(400).contentType("application/problem+json")
                .body("$", not(hasKey("stackTrace")))
                .body("detail", not(containsString("Exception")));
    }
}
