package dev.governor.grant;

import dev.governor.testing.AuditRows;
import dev.governor.testing.Given;
import dev.governor.testing.Races;
import dev.governor.testing.RegisteredAgent;
import dev.governor.testing.TestAuth;
import dev.governor.testing.TestUser;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static dev.governor.testing.TestAuth.asAdmin;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

/** Grant requests: the owner asks, another agent-admin decides once; widening goes only this way. */
@QuarkusTest
class GrantRequestTest {

    @Inject
    EntityManager em;

    private static TestUser user(String prefix, String... roles) {
        return Given.user(prefix + "-" + UUID.randomUUID().toString().substring(0, 8)).roles(roles).create();
    }

    private static ValidatableResponse open(TestUser as, String agentId, Map<String, Object> body) {
        return TestAuth.as(as).contentType(ContentType.JSON).body(body).post("/v1/agents/" + agentId + "/grant-requests").then();
    }

    private static ValidatableResponse decide(TestUser as, String id, String verb) {
        return TestAuth.as(as).contentType(ContentType.JSON).body(Map.of("comment", "ok"))
                .post("/v1/grant-requests/" + id + "/" + verb).then();
    }

    private static Map<String, Object> refund() {
        return Map.of("permission", "payments:refund", "justification", "refunds for the storm delays");
    }

    @Test
    void theOwnerAsksAnotherAgentAdminApprovesOnceAndTheAgentGainsTheGrant() {
        TestUser owner = user("owner", "approver");
        TestUser admin = user("grant-admin", "agent-admin");
        RegisteredAgent agent = Given.agent().owner(owner.name()).permissions("payments:read").register();

        String id = open(owner, agent.id(), refund()).statusCode(201)
                .header("Location", containsString("/v1/grant-requests/"))
                .body("status", equalTo("PENDING"))
                .body("requestedBy", equalTo(owner.name()))
                .extract().path("id");
        asAdmin().queryParam("status", "PENDING").queryParam("size", 500).get("/v1/grant-requests").then()
                .statusCode(200).body("id", hasItem(id));
        open(owner, agent.id(), refund()).statusCode(409).body("detail", containsString("already pending"));

        decide(owner, id, "approve").statusCode(403); // an approver, not an agent-admin
        decide(admin, id, "approve").statusCode(200).body("status", equalTo("APPROVED"))
                .body("decidedBy", equalTo(admin.name()));
        asAdmin().get("/v1/agents/" + agent.id()).then().body("permissions", equalTo(List.of("payments:read", "payments:refund")));
        decide(admin, id, "approve").statusCode(409);
        decide(user("late-admin", "agent-admin"), id, "reject").statusCode(409);
        open(owner, agent.id(), refund()).statusCode(409).body("detail", containsString("already holds"));
        asAdmin().queryParam("status", "APPROVED").queryParam("size", 500).get("/v1/grant-requests").then()
                .body("id", hasItem(id));
        assertThat(AuditRows.kinds(em, agent.id())).contains("GRANT_REQUESTED", "GRANT_REQUEST_APPROVED");
        assertThat(AuditRows.payloads(em, "GRANT_REQUEST_APPROVED", agent.id())).singleElement().asString()
                .contains("payments:refund").contains(id);
    }

    @Test
    void fourEyesNeitherTheOwnerNorTheRequesterMayDecide() {
        TestUser owningAdmin = user("owning-admin", "agent-admin");
        TestUser requester = user("asking-admin", "agent-admin");
        TestUser third = user("third-admin", "agent-admin");
        RegisteredAgent agent = Given.agent().owner(owningAdmin.name()).permissions("payments:read").register();

        String byOwner = open(owningAdmin, agent.id(), refund()).statusCode(201).extract().path("id");
        decide(owningAdmin, byOwner, "approve").statusCode(403).body("detail", containsString("four eyes"));
        decide(owningAdmin, byOwner, "reject").statusCode(403);
        decide(third, byOwner, "reject").statusCode(200).body("status", equalTo("REJECTED"));
        asAdmin().get("/v1/agents/" + agent.id()).then().body("permissions", equalTo(List.of("payments:read")));

        String byRequester = open(requester, agent.id(), refund()).statusCode(201).extract().path("id");
        decide(requester, byRequester, "approve").statusCode(403).body("detail", containsString("four eyes"));
        decide(third, byRequester, "approve").statusCode(200);

        TestUser stranger = user("stranger", "approver");
        open(stranger, agent.id(), Map.of("permission", "payments:void", "justification", "j")).statusCode(403);
    }

    @Test
    void hostileBodiesAndUnknownsAreClear4xx() {
        TestUser owner = user("hostile-owner", "approver");
        RegisteredAgent agent = Given.agent().owner(owner.name()).permissions("config:*").register();
        open(owner, agent.id(), Map.of("permission", "Payments:Refund", "justification", "j")).statusCode(400)
                .body("violations[0].field", equalTo("permission"));
        open(owner, agent.id(), Map.of("permission", "payments:refund")).statusCode(400)
                .body("violations[0].field", equalTo("justification"));
        open(owner, agent.id(), Map.of("permission", "payments:refund", "justification", "j", "decisionId", "not-a-uuid"))
                .statusCode(400);
        open(owner, agent.id(), Map.of("permission", "payments:refund", "justification", "j".repeat(2001)))
                .statusCode(400).body("violations[0].field", equalTo("justification"));
        open(owner, agent.id(), Map.of("permission", "config:update", "justification", "j")).statusCode(409)
                .body("detail", containsString("config:*"));
        open(owner, "no-such-agent", refund()).statusCode(404);
        asAdmin().queryParam("status", "MAYBE").get("/v1/grant-requests").then().statusCode(400)
                .body("violations[0].field", equalTo("status"));
        decide(user("x-admin", "agent-admin"), UUID.randomUUID().toString(), "approve").statusCode(404);
        TestAuth.as(user("y-admin", "agent-admin")).contentType(ContentType.JSON).body("{\"comment\": 5}")
                .post("/v1/grant-requests/" + UUID.randomUUID() + "/approve").then().statusCode(400);
    }

    @Test
    void concurrentApprovalsHaveOneWinner() throws Exception {
        TestUser owner = user("race-owner", "approver");
        RegisteredAgent agent = Given.agent().owner(owner.name()).permissions("payments:read").register();
        String id = open(owner, agent.id(), refund()).statusCode(201).extract().path("id");
        List<TestUser> admins = List.of(user("race-a", "agent-admin"), user("race-b", "agent-admin"),
                user("race-c", "agent-admin"), user("race-d", "agent-admin"));
        java.util.concurrent.atomic.AtomicInteger next = new java.util.concurrent.atomic.AtomicInteger();
        List<Integer> statuses = Races.race(admins.size(),
                () -> {
                    int i = next.getAndIncrement();
                    return decide(admins.get(i), id, i % 2 == 0 ? "approve" : "reject").extract().statusCode();
                });
        assertThat(statuses).containsOnly(200, 409);
        assertThat(statuses).filteredOn(s -> s == 200).hasSize(1);
        assertThat(AuditRows.kinds(em, agent.id()).stream()
                .filter(k -> k.equals("GRANT_REQUEST_APPROVED") || k.equals("GRANT_REQUEST_REJECTED"))).hasSize(1);
    }
}
