package dev.governor.identity;

import dev.governor.Api;
import dev.governor.testing.AuditRows;
import dev.governor.testing.Given;
import dev.governor.testing.RegisteredAgent;
import dev.governor.testing.TestAuth;
import dev.governor.testing.TestUser;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static dev.governor.testing.TestAuth.asAdmin;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

/** Owners are people who exist: disabling or deleting one ends their token and orphans their agents. */
@QuarkusTest
class UserLifecycleTest {

    @Inject
    EntityManager em;

    private static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
    }

    private static Map<String, Object> update() {
        return Api.action("config.update", "sandbox", 0, 0, 0, "restore the previous version");
    }

    private static Map<String, Object> read() {
        return Api.action("config.read", "sandbox", 0, 0, 0, null);
    }

    private static io.restassured.response.ValidatableResponse disable(String name, Object body) {
        return asAdmin().contentType(ContentType.JSON).body(body).post("/v1/users/" + name + "/disable").then();
    }

    @Test
    void listingShowsRolesSourceAndStatusButNeverTheTokenHash() {
        TestUser user = Given.user(unique("listed")).roles("auditor").create();
        String body = asAdmin().queryParam("size", 500).get("/v1/users").then().statusCode(200)
                .header("X-Total-Count", org.hamcrest.Matchers.notNullValue())
                .body("find { it.name == '" + user.name() + "' }.roles", equalTo(List.of("auditor")))
                .body("find { it.name == '" + user.name() + "' }.source", equalTo("local"))
                .body("find { it.name == '" + user.name() + "' }.status", equalTo("ACTIVE"))
                .body("find { it.name == 'admin' }.status", equalTo("ACTIVE"))
                .extract().asString();
        assertThat(body).doesNotContain("tokenHash").doesNotContain("token_hash").doesNotContain(user.token());
    }

    @Test
    void disablingTheOwnerEndsItsTokenAndOrphansItsAgentUntilReassigned() {
        TestUser owner = Given.user(unique("owner")).roles("approver").create();
        RegisteredAgent agent = Given.agent().owner(owner.name()).register();
        Api.decide(agent, update()).statusCode(200).body("outcome", equalTo("ALLOW"));

        disable(owner.name(), Map.of("reason", "left the company")).statusCode(200)
                .body("status", equalTo("DISABLED"))
                .body("disabledReason", equalTo("left the company"))
                .body("disabledBy", equalTo("admin"));
        TestAuth.as(owner).get("/v1/agents").then().statusCode(401);

        Api.decide(agent, update()).statusCode(200)
                .body("outcome", equalTo("REQUIRE_APPROVAL"))
                .body("reasons.code", hasItem("AGENT_ORPHANED"))
                .body("reasons.source", hasItem("rules/identity.drl#agent-orphaned"));
        Api.decide(agent, read()).statusCode(200).body("outcome", equalTo("ALLOW"))
                .body("reasons.code", not(hasItem("AGENT_ORPHANED")));
        asAdmin().get("/v1/reports/orphans").then().statusCode(200)
                .body("find { it.agentId == '" + agent.id() + "' }.formerOwner", equalTo(owner.name()))
                .body("find { it.agentId == '" + agent.id() + "' }.ownerStatus", equalTo("DISABLED"));
        assertThat(AuditRows.kinds(em, owner.name())).contains("USER_CREATED", "USER_DISABLED");
        assertThat(AuditRows.kinds(em, agent.id())).contains("AGENT_ORPHANED");

        asAdmin().contentType(ContentType.JSON).body(Map.of("owner", "admin", "autonomyLevel", "AUTONOMOUS",
                "environments", List.of("sandbox"), "permissions", List.of("*:*"))).put("/v1/agents/" + agent.id())
                .then().statusCode(200);
        Api.decide(agent, update()).statusCode(200).body("outcome", equalTo("ALLOW"));
        asAdmin().get("/v1/reports/orphans").then().statusCode(200)
                .body("agentId", not(hasItem(agent.id())));
    }

    @Test
    void deleteIsSoftAndEachEndIsRefusedTwice() {
        TestUser user = Given.user(unique("deleted")).roles("approver").create();
        disable(user.name(), Map.of("reason", "on leave")).statusCode(200);
        disable(user.name(), Map.of("reason", "again")).statusCode(409);
        asAdmin().delete("/v1/users/" + user.name()).then().statusCode(200).body("status", equalTo("DELETED"));
        asAdmin().delete("/v1/users/" + user.name()).then().statusCode(409);
        disable(user.name(), Map.of("reason", "x")).statusCode(409);
        TestAuth.as(user).get("/v1/agents").then().statusCode(401);
        asAdmin().queryParam("size", 500).get("/v1/users").then()
                .body("find { it.name == '" + user.name() + "' }.status", equalTo("DELETED"));
        asAdmin().contentType(ContentType.JSON).body(Given.agent().owner(user.name()).body()).post("/v1/agents")
                .then().statusCode(422).body("violations[0].field", equalTo("owner"));
        assertThat(AuditRows.kinds(em, user.name())).contains("USER_DISABLED", "USER_DELETED");
    }

    @Test
    void hostileCallsAreRefusedClearly() {
        disable("nobody-" + UUID.randomUUID(), Map.of("reason", "x")).statusCode(404);
        asAdmin().delete("/v1/users/nobody-" + UUID.randomUUID()).then().statusCode(404);
        disable("admin", Map.of("reason", "x")).statusCode(409).body("detail", containsString("yourself"));
        asAdmin().delete("/v1/users/admin").then().statusCode(409);
        String name = Given.user(unique("hostile")).roles("approver").create().name();
        disable(name, Map.of()).statusCode(400).body("violations[0].field", equalTo("reason"));
        disable(name, Map.of("reason", " ")).statusCode(400).body("violations[0].field", equalTo("reason"));
        disable(name, Map.of("reason", "r".repeat(2001))).statusCode(400).body("violations[0].field", equalTo("reason"));
        asAdmin().queryParam("size", 0).get("/v1/users").then().statusCode(400).body("violations[0].field", equalTo("size"));
        TestAuth.as(TestAuth.user("plain-approver", "approver")).get("/v1/users").then().statusCode(403);
    }

    @Test
    void anOidcSubjectIsRecordedOnItsFirstRequestAndCanOwnAgentsAndBeDisabled() {
        String person = unique("oidc-person");
        String token = OidcTokens.valid(person, Set.of("approver"));
        TestAuth.as(token).get("/v1/agents").then().statusCode(200);
        TestAuth.as(token).get("/v1/agents").then().statusCode(200);
        asAdmin().queryParam("size", 500).get("/v1/users").then()
                .body("find { it.name == '" + person + "' }.source", equalTo("oidc"))
                .body("find { it.name == '" + person + "' }.roles", equalTo(List.of("approver")));
        // Raw, not Given.agent().register(): that would create a local user of the same name.
        String id = "oidc-owned-" + UUID.randomUUID().toString().substring(0, 8);
        String key = asAdmin().contentType(ContentType.JSON).body(Given.agent(id).owner(person).body()).post("/v1/agents")
                .then().statusCode(201).extract().path("apiKey");
        RegisteredAgent agent = new RegisteredAgent(id, key);

        disable(person, Map.of("reason", "account closed at the identity provider")).statusCode(200)
                .body("source", equalTo("oidc"));
        TestAuth.as(token).get("/v1/agents").then().statusCode(401);
        Api.decide(agent, update()).statusCode(200).body("reasons.code", hasItem("AGENT_ORPHANED"));
    }
}
