package dev.governor.agent;

import dev.governor.policy.AutonomyLevel;
import dev.governor.policy.EvaluationInput;
import dev.governor.testing.Given;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.BeforeEach;
import java.util.Map;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.Set;
import java.util.UUID;

import static dev.governor.testing.TestAuth.asAdmin;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

@QuarkusTest
class AgentResourceTest {

    @Inject
    AgentService service;

    /** Owners must be users: the ones these bodies name. */
    @BeforeEach
    void owners() {
        Given.owner("alice@example.com");
        Given.owner("bob");
        Given.owner("carol-owner@example.com");
    }

    private static String uniqueId() {
        return "agent-" + UUID.randomUUID().toString().substring(0, 12);
    }

    private static String body(String id) {
        return """
                {"id": "%s", "owner": "alice@example.com", "task": "Fix configuration errors",
                 "autonomyLevel": "ROUTINE", "environments": ["sandbox", "production"],
                 "permissions": ["config:*", "service:read"]}""".formatted(id);
    }

    private static ValidatableResponse create(String json) {
        return asAdmin().contentType("application/json").body(json).post("/v1/agents").then();
    }

    private static ValidatableResponse invalid(String json, String field) {
        return create(json).statusCode(400).contentType("application/problem+json")
                .body("violations.field", hasItem(field));
    }

    @Test
    void createReturns201WithLocationAndBody() {
        String id = uniqueId();
        create(body(id)).statusCode(201)
                .header("Location", endsWith("/v1/agents/" + id))
                .body("id", equalTo(id))
                .body("owner", equalTo("alice@example.com"))
                .body("autonomyLevel", equalTo("ROUTINE"))
                .body("environments", contains("production", "sandbox"))
                .body("permissions", contains("config:*", "service:read"))
                .body("suspended", equalTo(false))
                .body("suspendedReason", nullValue())
                .body("createdAt", notNullValue())
                .body("updatedAt", equalTo(asAdmin().get("/v1/agents/" + id).path("updatedAt")));
        asAdmin().get("/v1/agents/" + id).then().statusCode(200).body("task", equalTo("Fix configuration errors"));
    }

    @Test
    void defaultsAreObserveAndSandbox() {
        String id = uniqueId();
        create("{\"id\": \"" + id + "\", \"owner\": \"bob\"}").statusCode(201)
                .body("autonomyLevel", equalTo("OBSERVE"))
                .body("environments", contains("sandbox"))
                .body("permissions", hasSize(0));
    }

    @Test
    void anOwnerWhoIsNotAnActiveUserIs422NamingOwner() {
        String id = uniqueId();
        create("{\"id\": \"" + id + "\", \"owner\": \"nobody-" + id + "@example.com\"}").statusCode(422)
                .contentType("application/problem+json")
                .body("violations[0].field", equalTo("owner"))
                .body("detail", containsString("not a user Governor knows"));
        asAdmin().get("/v1/agents/" + id).then().statusCode(404);

        String gone = Given.owner("gone-" + id + "@example.com");
        asAdmin().contentType("application/json").body(Map.of("reason", "left the company"))
                .post("/v1/users/" + gone + "/disable").then().statusCode(200);
        create("{\"id\": \"" + id + "\", \"owner\": \"" + gone + "\"}").statusCode(422)
                .body("violations[0].field", equalTo("owner"))
                .body("detail", containsString("disabled"));

        create(body(id)).statusCode(201);
        asAdmin().contentType("application/json").body("{\"owner\": \"" + gone + "\"}").put("/v1/agents/" + id)
                .then().statusCode(422).body("violations[0].field", equalTo("owner"));
        asAdmin().contentType("application/json").body("{\"owner\": \"admin\"}").put("/v1/agents/" + id)
                .then().statusCode(200).body("owner", equalTo("admin"));
    }

    @Test
    void missingOwnerIs400NamingOwner() {
        invalid("{\"id\": \"" + uniqueId() + "\"}", "owner");
        invalid("{\"id\": \"" + uniqueId() + "\", \"owner\": \"  \"}", "owner");
    }

    @Test
    void badIdIs400() {
        invalid(body("Bad_ID"), "id");
        invalid(body("a"), "id");
        invalid(body("-leading-dash"), "id");
        invalid(body("x".repeat(65)), "id");
        invalid("{\"owner\": \"alice\"}", "id");
    }

    @Test
    void badEnvironmentNamesItsIndex() {
        invalid(body(uniqueId()).replace("\"production\"", "\"Prod!\""), "environments[1]");
    }

    @Test
    void badPermissionPatternIs400() {
        invalid(body(uniqueId()).replace("\"service:read\"", "\"service.read\""), "permissions[1]");
        invalid(body(uniqueId()).replace("\"service:read\"", "\"Service:read\""), "permissions[1]");
        invalid(body(uniqueId()).replace("\"service:read\"", "\"service:\""), "permissions[1]");
    }

    @Test
    void wildcardPermissionsAreAccepted() {
        create(body(uniqueId()).replace("\"service:read\"", "\"*:read\", \"*:*\"")).statusCode(201)
                .body("permissions", contains("*:*", "*:read", "config:*"));
    }

    @Test
    void unknownAutonomyLevelIs400() {
        invalid(body(uniqueId()).replace("ROUTINE", "GODMODE"), "autonomyLevel");
    }

    @Test
    void tooLongTaskIs400() {
        invalid(body(uniqueId()).replace("Fix configuration errors", "x".repeat(2001)), "task");
    }

    @Test
    void unknownOrReadOnlyFieldIs400() {
        invalid(body(uniqueId()).replace("\"owner\"", "\"suspended\": false, \"owner\""), "suspended");
    }

    @Test
    void duplicateIdIs409() {
        String id = uniqueId();
        create(body(id)).statusCode(201);
        create(body(id)).statusCode(409).contentType("application/problem+json")
                .body("detail", containsString(id));
    }

    @Test
    void unknownAgentIs404() {
        String id = uniqueId();
        asAdmin().get("/v1/agents/" + id).then().statusCode(404).contentType("application/problem+json");
        asAdmin().contentType("application/json").body("{\"owner\": \"x\"}").put("/v1/agents/" + id)
                .then().statusCode(404);
        asAdmin().contentType("application/json").body("{\"reason\": \"x\"}").post("/v1/agents/" + id + "/suspend")
                .then().statusCode(404);
        asAdmin().post("/v1/agents/" + id + "/resume").then().statusCode(404);
    }

    @Test
    void putReplacesTheEditableFields() {
        String id = uniqueId();
        String created = create(body(id)).statusCode(201).extract().path("createdAt");
        asAdmin().contentType("application/json")
                .body("{\"owner\": \"carol-owner@example.com\", \"environments\": [\"sandbox\"], "
                        + "\"permissions\": [\"service:read\"], \"autonomyLevel\": \"OBSERVE\"}")
                .put("/v1/agents/" + id).then().statusCode(200)
                .body("owner", equalTo("carol-owner@example.com"))
                .body("task", nullValue())
                .body("autonomyLevel", equalTo("OBSERVE"))
                .body("environments", contains("sandbox"))
                .body("permissions", contains("service:read"))
                .body("createdAt", equalTo(created));
        asAdmin().get("/v1/agents/" + id).then().statusCode(200)
                .body("environments", contains("sandbox"))
                .body("permissions", contains("service:read"));
    }

    @Test
    void putWithMismatchedIdIs400AndInvalidBodyIs400() {
        String id = uniqueId();
        create(body(id)).statusCode(201);
        asAdmin().contentType("application/json").body("{\"id\": \"other-id\", \"owner\": \"x\"}")
                .put("/v1/agents/" + id).then().statusCode(400).body("violations[0].field", equalTo("id"));
        asAdmin().contentType("application/json").body("{\"permissions\": [\"nope\"]}")
                .put("/v1/agents/" + id).then().statusCode(400)
                .body("violations.field", hasItem("owner"))
                .body("violations.field", hasItem("permissions[0]"));
    }

    @Test
    void suspendAndResume() {
        String id = uniqueId();
        create(body(id)).statusCode(201);
        asAdmin().contentType("application/json").body("{\"reason\": \"runaway loop\"}")
                .post("/v1/agents/" + id + "/suspend").then().statusCode(200)
                .body("suspended", equalTo(true))
                .body("suspendedReason", equalTo("runaway loop"));
        asAdmin().contentType("application/json").body("{\"reason\": \"again\"}")
                .post("/v1/agents/" + id + "/suspend").then().statusCode(409);
        asAdmin().post("/v1/agents/" + id + "/resume").then().statusCode(200)
                .body("suspended", equalTo(false))
                .body("suspendedReason", nullValue());
        asAdmin().post("/v1/agents/" + id + "/resume").then().statusCode(409);
    }

    @Test
    void suspendWithoutReasonIs400() {
        String id = uniqueId();
        create(body(id)).statusCode(201);
        asAdmin().contentType("application/json").body("{}").post("/v1/agents/" + id + "/suspend")
                .then().statusCode(400).body("violations[0].field", equalTo("reason"));
        asAdmin().contentType("application/json").body("{\"reason\": \"\"}").post("/v1/agents/" + id + "/suspend")
                .then().statusCode(400).body("violations[0].field", equalTo("reason"));
        asAdmin().contentType("application/json").post("/v1/agents/" + id + "/suspend")
                .then().statusCode(400);
        asAdmin().get("/v1/agents/" + id).then().body("suspended", equalTo(false));
    }

    @Test
    void listIsSortedPagedAndFiltered() {
        String owner = Given.owner("owner-" + UUID.randomUUID() + "@example.com");
        String prefix = uniqueId();
        for (String suffix : new String[] {"c", "a", "b"}) {
            create("{\"id\": \"" + prefix + suffix + "\", \"owner\": \"" + owner + "\"}").statusCode(201);
        }
        asAdmin().contentType("application/json").body("{\"reason\": \"r\"}")
                .post("/v1/agents/" + prefix + "b/suspend").then().statusCode(200);

        asAdmin().queryParam("owner", owner).get("/v1/agents").then().statusCode(200)
                .header("X-Total-Count", "3")
                .body("id", contains(prefix + "a", prefix + "b", prefix + "c"));
        asAdmin().queryParam("owner", owner).queryParam("size", 2).queryParam("page", 1).get("/v1/agents")
                .then().statusCode(200).body("id", contains(prefix + "c"));
        asAdmin().queryParam("owner", owner).queryParam("suspended", true).get("/v1/agents")
                .then().statusCode(200).body("id", contains(prefix + "b"));
        asAdmin().queryParam("size", 0).get("/v1/agents").then().statusCode(400)
                .body("violations[0].field", equalTo("size"));
        asAdmin().queryParam("suspended", "maybe").get("/v1/agents").then().statusCode(400)
                .body("violations[0].field", equalTo("suspended"));
    }

    @Test
    void factsReflectTheStoredAgent() {
        String id = uniqueId();
        create(body(id)).statusCode(201);
        EvaluationInput.AgentFacts facts = service.facts(id).orElseThrow();
        assertThat(facts.id()).isEqualTo(id);
        assertThat(facts.suspended()).isFalse();
        assertThat(facts.autonomyLevel()).isEqualTo(AutonomyLevel.ROUTINE);
        assertThat(facts.environments()).isEqualTo(Set.of("sandbox", "production"));
        assertThat(facts.permissions()).isEqualTo(Set.of("config:*", "service:read"));

        asAdmin().contentType("application/json").body("{\"reason\": \"stop\"}")
                .post("/v1/agents/" + id + "/suspend").then().statusCode(200);
        assertThat(service.facts(id).orElseThrow().suspended()).isTrue();
        assertThat(service.facts(uniqueId())).isEmpty();
        assertThat(service.facts(null)).isEmpty();
    }

    @Test
    void agentWithoutPermissionsHasEmptyFacts() {
        String id = uniqueId();
        create("{\"id\": \"" + id + "\", \"owner\": \"bob\", \"environments\": []}").statusCode(201);
        EvaluationInput.AgentFacts facts = service.facts(id).orElseThrow();
        assertThat(facts.environments()).isEmpty();
        assertThat(facts.permissions()).isEmpty();
        asAdmin().get("/v1/agents/" + id).then().body(not(containsString("version")));
    }
}
