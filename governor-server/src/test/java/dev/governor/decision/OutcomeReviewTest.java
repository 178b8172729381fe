package dev.governor.decision;

import dev.governor.audit.Fixtures;
import dev.governor.testing.Given;
import dev.governor.testing.Races;
import dev.governor.testing.RegisteredAgent;
import dev.governor.testing.TestUser;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static dev.governor.testing.TestAuth.as;
import static dev.governor.testing.TestAuth.asAdmin;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;

@QuarkusTest
class OutcomeReviewTest {

    /** An auditor, so that it is as the owner, not by role, that it may review; created before its agents. */
    static final String OWNER = "oscar-owner@example.com";

    @Inject
    TrackRecords tracks;

    static RegisteredAgent agent(String level) {
        owner();
        return Given.agent("rev-" + UUID.randomUUID().toString().substring(0, 8)).owner(OWNER).level(level)
                .environments("sandbox", "production").permissions("*:*").register();
    }

    static TestUser owner() {
        return Given.user(OWNER).roles("auditor").create();
    }

    static TestUser approver() {
        return Given.user("abe@example.com").roles("approver").create();
    }

    @Test
    void onlyAllowedDecisionsTakeClaimsAndOnlyClaimsTakeReviews() {
        RegisteredAgent agent = agent("OBSERVE");
        String recommended = Fixtures.decisionId(agent, Fixtures.action("config.update", "sandbox", "cfg/a"));
        as(agent).contentType(ContentType.JSON).body(Map.of("status", "SUCCEEDED"))
                .post("/v1/decisions/{id}/outcome", recommended).then().statusCode(409)
                .contentType("application/problem+json").body("detail", containsString("not ALLOW"));

        RegisteredAgent doer = agent("AUTONOMOUS");
        String allowed = Fixtures.decisionId(doer, Fixtures.action("config.update", "sandbox", "cfg/a"));
        as(owner()).contentType(ContentType.JSON).body(Map.of("comment", "too early"))
                .post("/v1/decisions/{id}/outcome/confirm", allowed).then().statusCode(409)
                .body("detail", containsString("no outcome claim"));
        as(owner()).contentType(ContentType.JSON).body(Map.of())
                .post("/v1/decisions/{id}/outcome/confirm", UUID.randomUUID()).then().statusCode(404);
    }

    @Test
    void ownerAndApproverReviewNeverTheAgentNorAStranger() {
        RegisteredAgent agent = agent("AUTONOMOUS");
        Instant since = Instant.now().minus(1, ChronoUnit.MINUTES);
        String id = Fixtures.decisionId(agent, Fixtures.action("config.update", "sandbox", "cfg/a"));
        TrackRecordsTest.report(agent, id, "SUCCEEDED", false);

        as(agent).contentType(ContentType.JSON).body(Map.of()).post("/v1/decisions/{id}/outcome/confirm", id)
                .then().statusCode(403);
        as(Given.user("sam@example.com").roles("auditor").create()).contentType(ContentType.JSON).body(Map.of())
                .post("/v1/decisions/{id}/outcome/confirm", id).then().statusCode(403)
                .body("detail", containsString("neither an approver nor the owner"));
        as(owner()).contentType(ContentType.JSON).body(Map.of("comment", "checked the config"))
                .post("/v1/decisions/{id}/outcome/confirm", id).then().statusCode(201)
                .body("verdict", is("CONFIRMED")).body("actor", is(OWNER)).body("seq", is(1));
        TrackRecord confirmed = tracks.of(agent.id(), since, Instant.now().plusSeconds(60));
        assertThat(confirmed.outcomesConfirmed()).isEqualTo(1);
        assertThat(confirmed.confirmedSucceeded()).isEqualTo(1);

        as(approver()).contentType(ContentType.JSON).body(Map.of("comment", "the change is not live"))
                .post("/v1/decisions/{id}/outcome/dispute", id).then().statusCode(201).body("seq", is(2));
        TrackRecord disputed = tracks.of(agent.id(), since, Instant.now().plusSeconds(60));
        assertThat(disputed.outcomesConfirmed()).isZero();
        assertThat(disputed.outcomesDisputed()).isEqualTo(1);
        assertThat(disputed.examples().get("outcomesDisputed")).containsExactly(UUID.fromString(id));
        asAdmin().get("/v1/audit/verify").then().body("valid", is(true));
    }

    @Test
    void confirmAndDisputeAtOnceBothLandInOrderAndTheLastStands() throws Exception {
        RegisteredAgent agent = agent("AUTONOMOUS");
        Instant since = Instant.now().minus(1, ChronoUnit.MINUTES);
        String id = Fixtures.decisionId(agent, Fixtures.action("config.update", "sandbox", "cfg/a"));
        TrackRecordsTest.report(agent, id, "FAILED", false);
        TestUser owner = owner();
        TestUser approver = approver();
        List<Map<String, Object>> answers = Races.race(8, () -> {
            boolean confirm = Thread.currentThread().getId() % 2 == 0;
            return as(confirm ? owner : approver).contentType(ContentType.JSON).body(Map.of())
                    .post("/v1/decisions/{id}/outcome/" + (confirm ? "confirm" : "dispute"), id)
                    .then().statusCode(201).extract().jsonPath().getMap("");
        });
        assertThat(answers).extracting(a -> a.get("seq")).containsExactlyInAnyOrder(1, 2, 3, 4, 5, 6, 7, 8);
        String last = (String) answers.stream().filter(a -> a.get("seq").equals(8)).findFirst().orElseThrow()
                .get("verdict");
        TrackRecord t = tracks.of(agent.id(), since, Instant.now().plusSeconds(60));
        assertThat(last.equals("CONFIRMED") ? t.outcomesConfirmed() : t.outcomesDisputed()).isEqualTo(1);
        assertThat(t.outcomesConfirmed() + t.outcomesDisputed()).isEqualTo(1);
        assertThat(t.confirmedFailed()).isEqualTo(last.equals("CONFIRMED") ? 1 : 0);
    }

    @Test
    void humanActionsAndApprovalVerdictsCountAsAgreement() {
        Instant since = Instant.now().minus(1, ChronoUnit.MINUTES);
        RegisteredAgent observer = agent("OBSERVE");
        String recommended = Fixtures.decisionId(observer, Fixtures.action("config.update", "sandbox", "cfg/a"));
        String modified = Fixtures.decisionId(observer, Fixtures.action("config.update", "sandbox", "cfg/b"));
        as(owner()).contentType(ContentType.JSON).body(Map.of("action", "ACCEPTED", "comment", "did it"))
                .post("/v1/decisions/{id}/human-action", recommended).then().statusCode(201)
                .body("action", is("ACCEPTED")).body("source", is("HUMAN_ACTION"));
        as(approver()).contentType(ContentType.JSON)
                .body(Map.of("action", "MODIFIED", "actionTaken", Map.of("target", "cfg/b2")))
                .post("/v1/decisions/{id}/human-action", modified).then().statusCode(201)
                .body("actionTaken.target", is("cfg/b2"));
        as(observer).contentType(ContentType.JSON).body(Map.of("action", "ACCEPTED"))
                .post("/v1/decisions/{id}/human-action", recommended).then().statusCode(403);
        TrackRecord t = tracks.of(observer.id(), since, Instant.now().plusSeconds(60));
        assertThat(t.humanReviewed()).isEqualTo(2);
        assertThat(t.humanAgreed()).isEqualTo(1);
        assertThat(t.examples().get("humanAgreed")).containsExactly(UUID.fromString(recommended));

        RegisteredAgent doer = agent("AUTONOMOUS");
        String allowed = Fixtures.decisionId(doer, Fixtures.action("config.update", "sandbox", "cfg/a"));
        as(owner()).contentType(ContentType.JSON).body(Map.of("action", "ACCEPTED"))
                .post("/v1/decisions/{id}/human-action", allowed).then().statusCode(409)
                .body("detail", containsString("only for RECOMMEND and REQUIRE_APPROVAL"));

        var asked = Fixtures.decide(doer, Map.of("type", "database.drop", "environment", "production",
                "impact", Map.of("records", 5000), "rollbackPlan", "restore snapshot"), Map.of()).statusCode(200)
                .body("outcome", is("REQUIRE_APPROVAL")).extract();
        as(approver()).contentType(ContentType.JSON).body(Map.of("comment", "no"))
                .post("/v1/approvals/{id}/reject", (String) asked.path("approval.id")).then().statusCode(200);
        TrackRecord d = tracks.of(doer.id(), since, Instant.now().plusSeconds(60));
        assertThat(d.humanReviewed()).isEqualTo(1);
        assertThat(d.humanAgreed()).isZero();
        asAdmin().get("/v1/audit/verify").then().body("valid", is(true));
    }

    @Test
    void hostileBodiesAre400NamingTheField() {
        RegisteredAgent agent = agent("OBSERVE");
        String id = Fixtures.decisionId(agent, Fixtures.action("config.update", "sandbox", "cfg/a"));
        String deep = "{\"a\":".repeat(12) + "1" + "}".repeat(12);
        for (Object[] bad : new Object[][] {
                {"{\"action\": \"MAYBE\"}", "action"}, {"{}", "action"}, {"{\"action\": 3}", "action"},
                {"{\"action\": \"ACCEPTED\", \"actionTaken\": " + deep + "}", "actionTaken"},
                {"{\"action\": \"ACCEPTED\", \"actionTaken\": \"" + "x".repeat(20_000) + "\"}", "actionTaken"},
                {"{\"action\": \"ACCEPTED\", \"comment\": \"" + "x".repeat(2001) + "\"}", "comment"},
                {"{\"action\": \"ACCEPTED\", \"who\": 1}", "who"}}) {
            as(owner()).contentType(ContentType.JSON).body(bad[0]).post("/v1/decisions/{id}/human-action", id)
                    .then().statusCode(400).contentType("application/problem+json")
                    .body("violations.field", hasItem(bad[1]));
        }
        for (Object[] bad : new Object[][] {{"[]", "expectedEffect"}, {"\"grow\"", "expectedEffect"},
                {"{}", "expectedEffect.description"}, {"{\"description\": 5}", "expectedEffect.description"},
                {"{\"description\": \"" + "x".repeat(2001) + "\"}", "expectedEffect.description"},
                {"{\"description\": \"ok\", \"x\": " + deep + "}", "expectedEffect"}}) {
            String body = "{\"agentId\": \"" + agent.id() + "\", \"action\": {\"type\": \"config.update\","
                    + " \"environment\": \"sandbox\"}, \"expectedEffect\": " + bad[0] + "}";
            as(agent).contentType(ContentType.JSON).body(body).post("/v1/decisions").then().statusCode(400)
                    .contentType("application/problem+json").body("violations.field", hasItem(bad[1]));
        }
        String ok = "{\"agentId\": \"" + agent.id() + "\", \"action\": {\"type\": \"config.update\", \"environment\":"
                + " \"sandbox\"}, \"expectedEffect\": {\"description\": \"flag on\", \"flag\": \"beta\", \"value\": true}}";
        String stored = as(agent).contentType(ContentType.JSON).body(ok).post("/v1/decisions").then().statusCode(200)
                .extract().path("decisionId");
        asAdmin().get("/v1/decisions/{id}", stored).then().body("request.expectedEffect.flag", is("beta"));
        as(owner()).contentType(ContentType.JSON).body("{\"comment\": 7, \"x\": 1}")
                .post("/v1/decisions/{id}/outcome/confirm", id).then().statusCode(400);
    }

    @Test
    void exportsCarryTheLatestStatusReviewAndMissingFlagAndFilterOnThem() {
        RegisteredAgent agent = agent("AUTONOMOUS");
        String confirmed = Fixtures.decisionId(agent, Fixtures.action("config.update", "sandbox", "cfg/a"));
        String unclaimed = Fixtures.decisionId(agent, Fixtures.action("config.update", "sandbox", "cfg/b"));
        TrackRecordsTest.report(agent, confirmed, "FAILED", false);
        TrackRecordsTest.report(agent, confirmed, "ROLLED_BACK", false);
        as(owner()).contentType(ContentType.JSON).body(Map.of()).post("/v1/decisions/{id}/outcome/confirm", confirmed)
                .then().statusCode(201);
        String all = asAdmin().queryParam("agentId", agent.id()).queryParam("format", "ndjson")
                .get("/v1/audit/decisions").then().statusCode(200).extract().asString();
        assertThat(all.lines().filter(l -> l.contains(confirmed)).findFirst().orElseThrow())
                .contains("\"outcomeStatus\":\"ROLLED_BACK\"").contains("\"review\":\"CONFIRMED\"")
                .contains("\"outcomeMissing\":false");
        assertThat(all.lines().filter(l -> l.contains(unclaimed)).findFirst().orElseThrow())
                .contains("\"outcomeStatus\":null").contains("\"review\":null");
        String reviewed = asAdmin().queryParam("agentId", agent.id()).queryParam("review", "CONFIRMED")
                .queryParam("format", "csv").get("/v1/audit/decisions").then().statusCode(200).extract().asString();
        assertThat(reviewed.lines().map(l -> l.split(",")[0])).contains(confirmed).doesNotContain(unclaimed);
        assertThat(reviewed).contains("outcome_status,review,outcome_missing");
        String none = asAdmin().queryParam("agentId", agent.id()).queryParam("outcomeStatus", "NONE")
                .queryParam("review", "NONE").queryParam("format", "ndjson").get("/v1/audit/decisions").then()
                .statusCode(200).extract().asString();
        // A row's facts may name earlier decisions of the session: match rows by their own id.
        assertThat(none.lines().map(l -> l.substring(15, 51))).contains(unclaimed).doesNotContain(confirmed);
        asAdmin().queryParam("review", "MAYBE").get("/v1/audit/decisions").then().statusCode(400)
                .body("violations.field", hasItem("review"));
        asAdmin().queryParam("outcomeStatus", "succeeded").get("/v1/audit/decisions").then().statusCode(400)
                .body("violations.field", hasItem("outcomeStatus"));
    }
}
