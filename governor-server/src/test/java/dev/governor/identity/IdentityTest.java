package dev.governor.identity;

import dev.governor.Api;
import dev.governor.testing.RegisteredAgent;
import dev.governor.testing.TestAuth;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static dev.governor.testing.TestAuth.asAdmin;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.startsWith;

/** Keys, users, approver identity, four eyes, and identity-provider tokens. */
@QuarkusTest
class IdentityTest {

    private static Map<String, Object> decision(String agent, String type, String environment) {
        return Map.of("agentId", agent, "sessionId", "s", "action",
                Api.action(type, environment, 0, 0, 0, "restore the snapshot"),
                "reasoning", Map.of("goal", "g", "rationale", "r"));
    }

    @Test
    void registrationShowsTheKeyOnceAndRotationRevokesTheOldKey() {
        RegisteredAgent agent = Api.registerAgent("AUTONOMOUS", List.of("sandbox"), List.of("*:*"));
        String first = agent.apiKey();
        assertThat(first).startsWith("gvk_").hasSizeGreaterThan(40);
        TestAuth.asAdmin().get("/v1/agents/{id}", agent.id()).then().statusCode(200)
                .body("apiKey", org.hamcrest.Matchers.nullValue());

        String second = TestAuth.asAdmin().post("/v1/agents/{id}/keys/rotate", agent.id()).then().statusCode(200)
                .body("apiKey", startsWith("gvk_")).extract().path("apiKey");
        TestAuth.as(first).contentType(ContentType.JSON).body(decision(agent.id(), "config.read", "sandbox"))
                .post("/v1/decisions").then().statusCode(401);
        TestAuth.anonymous().header("X-Api-Key", second).contentType(ContentType.JSON).body(decision(agent.id(), "config.read", "sandbox"))
                .post("/v1/decisions").then().statusCode(200).body("outcome", is("ALLOW"));

        TestAuth.asAdmin().delete("/v1/agents/{id}/keys", agent.id()).then().statusCode(200).body("revoked", is(1));
        TestAuth.as(second).get("/v1/agents/{id}", agent.id()).then().statusCode(401);
    }

    @Test
    void anAgentActsOnlyForItselfAndNeverAsAHuman() {
        RegisteredAgent mine = Api.registerAgent("AUTONOMOUS", List.of("sandbox"), List.of("*:*"));
        RegisteredAgent theirs = Api.registerAgent("AUTONOMOUS", List.of("sandbox"), List.of("*:*"));
        String key = mine.apiKey();
        TestAuth.as(key).contentType(ContentType.JSON).body(decision(theirs.id(), "config.read", "sandbox"))
                .post("/v1/decisions").then().statusCode(403).contentType("application/problem+json");
        TestAuth.as(key).contentType(ContentType.JSON).body(Map.of("reason", "x"))
                .post("/v1/agents/{id}/suspend", theirs.id()).then().statusCode(403);
        TestAuth.as(key).contentType(ContentType.JSON).body(Map.of("environment", "*", "reason", "x"))
                .post("/v1/freezes").then().statusCode(403);
        TestAuth.as(key).post("/v1/policies/reload").then().statusCode(403);
    }

    @Test
    void theApproverIsTheCallerAndTheOwnerMayNotApproveIrreversibleActions() {
        RegisteredAgent agent = Api.registerAgent("AUTONOMOUS", List.of("production"), List.of("*:*"));
        String approvalId = Api.decide(agent, Api.action("environment.delete", "production", 0, 0, 0, "snapshot"))
                .statusCode(200).body("outcome", is("REQUIRE_APPROVAL")).extract().path("approval.id");
        String owner = TestAuth.user("alice@example.com", "approver");
        TestAuth.as(owner).contentType(ContentType.JSON).body(Map.of())
                .post("/v1/approvals/{id}/approve", approvalId).then().statusCode(403);
        String bob = TestAuth.user("bob-the-approver", "approver");
        TestAuth.as(bob).contentType(ContentType.JSON).body(Map.of("approver", "carol"))
                .post("/v1/approvals/{id}/approve", approvalId).then().statusCode(403);
        TestAuth.as(bob).contentType(ContentType.JSON).body(Map.of("comment", "checked"))
                .post("/v1/approvals/{id}/approve", approvalId).then().statusCode(200)
                .body("decidedBy", is("bob-the-approver"));
    }

    @Test
    void usersAreAddedByAnAdminWithTheirTokenShownOnce() {
        String token = TestAuth.asAdmin().contentType(ContentType.JSON)
                .body(Map.of("name", "erin-auditor", "roles", List.of("auditor")))
                .post("/v1/users").then().statusCode(201).body("roles", hasItem("auditor"))
                .extract().path("token");
        TestAuth.as(token).get("/v1/audit/verify").then().statusCode(200);
        TestAuth.as(token).contentType(ContentType.JSON).body(Map.of("environment", "*", "reason", "x"))
                .post("/v1/freezes").then().statusCode(403);
        TestAuth.as(token).contentType(ContentType.JSON).body(Map.of("name", "x", "roles", List.of("admin")))
                .post("/v1/users").then().statusCode(403);
    }

    @Test
    void identityProviderTokensCarryTheirRoles() {
        String auditor = OidcTokens.valid("oidc-auditor", Set.of("auditor"));
        TestAuth.as(auditor).get("/v1/audit/verify").then().statusCode(200);
        TestAuth.as(auditor).post("/v1/policies/reload").then().statusCode(403);
        String forged = OidcTokens.valid("oidc-auditor", Set.of("admin")) + "x";
        TestAuth.as(forged).get("/v1/audit/verify").then().statusCode(401);
    }

    @Test
    void noKeyOrTokenReachesTheAuditLog() {
        RegisteredAgent agent = Api.registerAgent("AUTONOMOUS", List.of("sandbox"), List.of("*:*"));
        String key = agent.apiKey();
        TestAuth.asAdmin().post("/v1/agents/{id}/keys/rotate", agent.id()).then().statusCode(200);
        String log = TestAuth.asAdmin().get("/v1/audit/log?format=ndjson").then().statusCode(200).extract().asString();
        assertThat(log).contains(agent.id()).doesNotContain(key).doesNotContain(key.substring(10))
                .doesNotContain(TestAuth.ADMIN_TOKEN.substring(10));
    }
}
