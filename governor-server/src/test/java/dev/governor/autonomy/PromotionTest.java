package dev.governor.autonomy;

import dev.governor.Api;
import dev.governor.testing.Given;
import dev.governor.testing.Races;
import dev.governor.testing.RegisteredAgent;
import dev.governor.testing.TestAuth;
import dev.governor.testing.TestUser;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;

import static dev.governor.testing.TestAuth.as;
import static dev.governor.testing.TestAuth.asAdmin;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

/**
 * Promotions as their callers meet them: an agent-admin registering and editing agents, the
 * owner asking, an admin overriding, and second persons signing off (or trying to sign off their own).
 */
@QuarkusTest
class PromotionTest {

    private static String id() {
        return "promo-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static TestUser owner() {
        return Given.user("owner-" + UUID.randomUUID().toString().substring(0, 8)).roles("approver").create();
    }

    /** Registered by an agent-admin, so at the defaults: OBSERVE, sandbox. */
    private static RegisteredAgent observer(TestUser owner, String... permissions) {
        TestUser agentAdmin = Given.user("promo-agent-admin").roles("agent-admin").create();
        String id = id();
        String key = as(agentAdmin).contentType(ContentType.JSON)
                .body(Map.of("id", id, "owner", owner.name(), "permissions", List.of(permissions)))
                .post("/v1/agents").then().statusCode(201)
                .body("autonomyLevel", equalTo("OBSERVE")).body("environments", equalTo(List.of("sandbox")))
                .body("criteriaVersion", startsWith("sha256:"))
                .extract().path("apiKey");
        return new RegisteredAgent(id, key);
    }

    private static io.restassured.response.ValidatableResponse ask(TestUser who, String agentId, Map<String, Object> body) {
        return as(who).contentType(ContentType.JSON).body(body).post("/v1/agents/{id}/promotions", agentId).then();
    }

    @Test
    void onlyAnAdminRegistersAboveTheDefaultsAndThatStartIsRecordedAsAnOverride() {
        TestUser agentAdmin = Given.user("promo-agent-admin").roles("agent-admin").create();
        String id = id();
        as(agentAdmin).contentType(ContentType.JSON)
                .body(Map.of("id", id, "owner", owner().name(), "autonomyLevel", "ROUTINE"))
                .post("/v1/agents").then().statusCode(403).body("detail", containsString("only an admin"));
        as(agentAdmin).contentType(ContentType.JSON)
                .body(Map.of("id", id, "owner", owner().name(), "environments", List.of("production")))
                .post("/v1/agents").then().statusCode(403);

        asAdmin().contentType(ContentType.JSON).body(Map.of("id", id, "owner", owner().name(),
                        "autonomyLevel", "ROUTINE", "environments", List.of("production"),
                        "overrideReason", "existing fleet brought under Governor"))
                .post("/v1/agents").then().statusCode(201);
        asAdmin().get("/v1/agents/{id}/levels", id).then().statusCode(200)
                .body("size()", equalTo(1))
                .body("[0].kind", equalTo("REGISTERED")).body("[0].override", equalTo(true))
                .body("[0].reason", equalTo("existing fleet brought under Governor"))
                .body("[0].autonomyLevel", equalTo("ROUTINE")).body("[0].actor", equalTo("admin"));
    }

    @Test
    void aPutCannotRaiseAddOrWidenButMayLowerAndTheLoweringIsRecorded() {
        TestUser owner = owner();
        String id = Given.agent().owner(owner.name()).level("ROUTINE").environments("sandbox", "staging")
                .permissions("config:update", "config:read").register().id();
        put(id, owner, "AUTONOMOUS", List.of("sandbox", "staging"), List.of("config:update"))
                .statusCode(409).body("detail", containsString("/v1/agents/" + id + "/promotions"));
        put(id, owner, "ROUTINE", List.of("sandbox", "staging", "production"), List.of("config:update"))
                .statusCode(409).body("detail", containsString("toEnvironment"));
        put(id, owner, "ROUTINE", List.of("sandbox"), List.of("config:*"))
                .statusCode(409).body("detail", containsString("grant-requests"));
        asAdmin().get("/v1/agents/{id}", id).then().body("autonomyLevel", equalTo("ROUTINE"));

        put(id, owner, "ACT_WITH_APPROVAL", List.of("sandbox"), List.of("config:read")).statusCode(200);
        asAdmin().get("/v1/agents/{id}/levels", id).then().statusCode(200)
                .body("kind", equalTo(List.of("REGISTERED", "LOWERED")))
                .body("[1].autonomyLevel", equalTo("ACT_WITH_APPROVAL"))
                .body("[1].environments", equalTo(List.of("sandbox")));
    }

    private static io.restassured.response.ValidatableResponse put(String id, TestUser owner, String level,
                                                                   List<String> environments, List<String> permissions) {
        return asAdmin().contentType(ContentType.JSON).body(Map.of("owner", owner.name(), "autonomyLevel", level,
                "environments", environments, "permissions", permissions)).put("/v1/agents/{id}", id).then();
    }

    @Test
    void unmetCriteriaAre409NamingEachThenAnAdminOverrideStillNeedsASecondPerson() {
        TestUser owner = owner();
        RegisteredAgent agent = observer(owner, "config:*");
        for (int i = 0; i < 3; i++) {
            Api.decide(agent, Api.action("config.update", "sandbox", 0, 0, 0, null)).statusCode(200)
                    .body("outcome", equalTo("RECOMMEND"));
        }

        String refused = ask(owner, agent.id(), Map.of("toLevel", "ACT_WITH_APPROVAL", "justification", "ready"))
                .statusCode(409).contentType("application/problem+json")
                .body("unmetCriteria.criterion", hasItems("decisions", "agreementRate"))
                .body("unmetCriteria.find { it.criterion == 'decisions' }.actual", equalTo(3.0f))
                .body("unmetCriteria.find { it.criterion == 'decisions' }.required", equalTo(">= 50"))
                .body("unmetCriteria.find { it.criterion == 'decisions' }.decisionIds.size()", equalTo(3))
                .body("unmetCriteria.find { it.criterion == 'agreementRate' }.actual", equalTo("unknown"))
                .body("unmetCriteria.criterion", not(hasItem("incidents")))
                .extract().path("promotionId");
        asAdmin().get("/v1/promotions/{id}", refused).then().statusCode(200).body("status", equalTo("REFUSED"))
                .body("evidence.firings.rowId", hasItem("pr-approval-decisions"));

        TestUser approver = Given.user("promo-second-person").roles("approver").create();
        ask(approver, agent.id(), Map.of("toLevel", "ACT_WITH_APPROVAL", "justification", "x")).statusCode(403);
        ask(owner, agent.id(), Map.of("toLevel", "ACT_WITH_APPROVAL", "justification", "x",
                "overrideReason", "trust me")).statusCode(403).body("detail", containsString("only an admin"));

        String id = ask(Given.admin(), agent.id(), Map.of("toLevel", "ACT_WITH_APPROVAL", "justification",
                        "pilot with the payments team", "overrideReason", "board decision 2026-11"))
                .statusCode(201).body("status", equalTo("PENDING")).body("override", equalTo(true))
                .body("evidence.met", equalTo(false)).extract().path("id");
        ask(owner, agent.id(), Map.of("toLevel", "ACT_WITH_APPROVAL", "justification", "again"))
                .statusCode(409).body("detail", containsString("already pending"));

        signOff(owner, id, "approve").statusCode(403).body("detail", containsString("second person"));
        signOff(Given.admin(), id, "approve").statusCode(403);
        signOff(approver, id, "approve").statusCode(200).body("status", equalTo("APPROVED"))
                .body("decidedBy", equalTo(approver.name()));
        signOff(approver, id, "approve").statusCode(409);

        asAdmin().get("/v1/agents/{id}", agent.id()).then().body("autonomyLevel", equalTo("ACT_WITH_APPROVAL"));
        asAdmin().get("/v1/agents/{id}/levels", agent.id()).then()
                .body("kind", equalTo(List.of("REGISTERED", "PROMOTED")))
                .body("[1].override", equalTo(true)).body("[1].reason", equalTo("board decision 2026-11"))
                .body("[1].promotionId", equalTo(id)).body("[1].actor", equalTo(approver.name()));
        Api.decide(agent, Api.action("config.update", "sandbox", 0, 0, 0, null)).statusCode(200)
                .body("outcome", equalTo("REQUIRE_APPROVAL"));
    }

    @Test
    void aSandboxNeedsNoRecordButStillASecondPersonAndAnUnlistedEnvironmentIsJudgedAsProduction() {
        TestUser owner = owner();
        String agent = Given.agent().owner(owner.name()).level("ROUTINE").environments("staging").register().id();
        String id = ask(owner, agent, Map.of("toEnvironment", "sandbox", "justification", "tests"))
                .statusCode(201).body("evidence.met", equalTo(true)).body("evidence.toStep", equalTo("SANDBOX"))
                .extract().path("id");
        TestUser approver = Given.user("promo-second-person").roles("approver").create();
        signOff(approver, id, "reject").statusCode(200).body("status", equalTo("REJECTED"));
        asAdmin().get("/v1/agents/{id}", agent).then().body("environments", equalTo(List.of("staging")));

        ask(owner, agent, Map.of("toEnvironment", "zz-nowhere", "justification", "x")).statusCode(409)
                .body("unmetCriteria.source", hasItem("decision-tables/autonomy-promotion.dmn#pr-production-decisions"));
    }

    @Test
    void aBodyThatAsksForNothingOrForWhatTheAgentHasIs400Or409() {
        TestUser owner = owner();
        RegisteredAgent agent = observer(owner);
        ask(owner, agent.id(), Map.of("justification", "x")).statusCode(400)
                .body("violations[0].field", equalTo("toLevel"));
        ask(owner, agent.id(), Map.of("toLevel", "ROUTINE", "toEnvironment", "staging", "justification", "x"))
                .statusCode(400);
        ask(owner, agent.id(), Map.of("toLevel", "OBSERVE", "justification", "x")).statusCode(409);
        ask(owner, agent.id(), Map.of("toEnvironment", "sandbox", "justification", "x")).statusCode(409);
        ask(owner, agent.id(), Map.of("toLevel", "GOD_MODE", "justification", "x")).statusCode(400);
        ask(owner, agent.id(), Map.of("toLevel", "ROUTINE")).statusCode(400)
                .body("violations.field", hasItem("justification"));
        ask(owner, agent.id(), Map.of("toEnvironment", "../prod", "justification", "x")).statusCode(400)
                .body("violations.field", hasItem("toEnvironment"));
        ask(owner, "no-such-agent", Map.of("toLevel", "ROUTINE", "justification", "x")).statusCode(404);
        asAdmin().get("/v1/promotions?status=NOPE").then().statusCode(400).body("violations[0].field", equalTo("status"));
        signOff(owner, UUID.randomUUID().toString(), "approve").statusCode(404);
    }

    @Test
    void twoApproversRacingForOnePromotionGiveOneSignOff() throws Exception {
        TestUser owner = owner();
        String agent = Given.agent().owner(owner.name()).level("ROUTINE").environments("staging").register().id();
        String id = ask(owner, agent, Map.of("toEnvironment", "sandbox", "justification", "tests"))
                .statusCode(201).extract().path("id");
        List<TestUser> approvers = List.of(Given.user("promo-racer-1").roles("approver").create(),
                Given.user("promo-racer-2").roles("agent-admin").create());
        CyclicBarrier barrier = new CyclicBarrier(2);
        var index = new java.util.concurrent.atomic.AtomicInteger();
        List<Integer> statuses = Races.race(2, () -> {
            TestUser me = approvers.get(index.getAndIncrement());
            barrier.await();
            return signOff(me, id, "approve").extract().statusCode();
        });
        assertThat(statuses).containsExactlyInAnyOrder(200, 409);
        asAdmin().get("/v1/agents/{id}/levels", agent).then().body("kind", equalTo(List.of("REGISTERED", "PROMOTED")));
    }

    @Test
    void twoRequestsRacingForOneAgentLeaveOnePending() throws Exception {
        TestUser owner = owner();
        String agent = Given.agent().owner(owner.name()).level("ROUTINE").environments("staging").register().id();
        CyclicBarrier barrier = new CyclicBarrier(2);
        List<Integer> statuses = Races.race(2, () -> {
            barrier.await();
            return ask(owner, agent, Map.of("toEnvironment", "sandbox", "justification", "tests")).extract().statusCode();
        });
        assertThat(statuses).containsExactlyInAnyOrder(201, 409);
        asAdmin().get("/v1/promotions?status=PENDING&size=200").then().statusCode(200)
                .body("findAll { it.agentId == '" + agent + "' }.size()", equalTo(1));
    }

    @Test
    void evidenceIsJsonForPeopleAndCsvForAuditors() {
        TestUser owner = owner();
        RegisteredAgent agent = observer(owner, "config:*");
        Api.decide(agent, Api.action("config.update", "sandbox", 0, 0, 0, null)).statusCode(200);
        as(agent).get("/v1/agents/{id}/evidence", agent.id()).then().statusCode(200)
                .body("nextLevel.to", equalTo("ACT_WITH_APPROVAL")).body("nextLevel.met", equalTo(false))
                .body("nextLevel.criteria.find { it.criterion == 'decisions' }.actual", equalTo(1.0f))
                .body("nextEnvironments.to", equalTo(List.of("STAGING", "PRODUCTION")))
                .body("criteriaChanged", equalTo(false));
        String csv = TestAuth.asAdmin().get("/v1/agents/{id}/evidence?format=csv", agent.id()).then().statusCode(200)
                .contentType(containsString("text/csv")).extract().asString();
        assertThat(csv.lines().findFirst().orElseThrow()).startsWith("agent_id,at,change,to,from_step,to_step,step_met,criterion");
        assertThat(csv).contains("pr-approval-decisions").contains("pr-production-incidents");
        String ndjson = asAdmin().get("/v1/agents/{id}/evidence?format=ndjson", agent.id()).then().statusCode(200)
                .extract().asString();
        assertThat(ndjson.lines()).hasSize(csv.lines().count() == 0 ? 0 : (int) csv.lines().count() - 1);
        asAdmin().get("/v1/agents/{id}/evidence?format=xml", agent.id()).then().statusCode(400);
    }

    private static io.restassured.response.ValidatableResponse signOff(TestUser who, String id, String verb) {
        return as(who).contentType(ContentType.JSON).body(Map.of("comment", "checked")).post("/v1/promotions/{id}/" + verb, id)
                .then();
    }
}
