package dev.governor.autonomy;

import dev.governor.Api;
import dev.governor.MutableClock;
import dev.governor.testing.Given;
import dev.governor.testing.RegisteredAgent;
import dev.governor.testing.TestUser;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static dev.governor.testing.TestAuth.as;
import static dev.governor.testing.TestAuth.asAdmin;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/**
 * The life of one agent, laid down through the public API on a moved clock: hundreds of
 * decisions, the human actions on its proposals, approvals, claimed outcomes and the owner's
 * confirmations. Promotion is refused, naming exactly the criterion that blocks it, then
 * granted once the evidence is there, twice: OBSERVE to ACT_WITH_APPROVAL on agreement with
 * people, ACT_WITH_APPROVAL to ROUTINE on confirmed outcomes.
 */
@QuarkusTest
class AutonomyLifeTest {

    private static final Map<String, Object> UPDATE = Api.action("config.update", "sandbox", 0, 0, 0, null);
    private static final Map<String, Object> READ = Api.action("config.read", "sandbox", 0, 0, 0, null);

    @Test
    void promotionIsRefusedOnTheBlockingCriterionThenGrantedOnTheEvidence() {
        MutableClock clock = MutableClock.install();
        clock.advance(Duration.ofDays(-60));
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        TestUser owner = Given.user("life-owner-" + suffix).roles("approver").create();
        TestUser second = Given.user("life-second-" + suffix).roles("approver").create();
        TestUser agentAdmin = Given.user("life-agent-admin").roles("agent-admin").create();
        String id = "life-" + suffix;
        String key = as(agentAdmin).contentType(ContentType.JSON)
                .body(Map.of("id", id, "owner", owner.name(), "permissions", List.of("config:*")))
                .post("/v1/agents").then().statusCode(201).extract().path("apiKey");
        RegisteredAgent agent = new RegisteredAgent(id, key);

        // OBSERVE, 20 days: every update is a proposal (RECOMMEND); the owner accepts 7 in 10.
        int proposal = 0;
        for (int day = 0; day < 20; day++, clock.advance(Duration.ofDays(1))) {
            Api.decide(agent, READ).statusCode(200).body("outcome", equalTo("ALLOW"));
            for (int i = 0; i < 4; i++, proposal++) {
                humanAction(owner, proposed(agent), proposal % 10 < 3 ? "REJECTED" : "ACCEPTED");
            }
        }
        ask(owner, id, "ACT_WITH_APPROVAL").statusCode(409)
                .body("unmetCriteria.criterion", equalTo(List.of("agreementRate")))
                .body("unmetCriteria[0].actual", equalTo(0.7f))
                .body("unmetCriteria[0].required", equalTo(">= 0.8"))
                .body("unmetCriteria[0].decisionIds.size()", equalTo(20));

        // 8 more days in which the owner accepts all 48 proposals: 104 of 128, 0.8125.
        for (int day = 0; day < 8; day++, clock.advance(Duration.ofDays(1))) {
            Api.decide(agent, READ).statusCode(200);
            for (int i = 0; i < 6; i++) humanAction(owner, proposed(agent), "ACCEPTED");
        }
        String first = ask(owner, id, "ACT_WITH_APPROVAL").statusCode(201).body("evidence.met", equalTo(true))
                .extract().path("id");
        signOff(second, first).statusCode(200);
        asAdmin().get("/v1/agents/{id}", id).then().body("autonomyLevel", equalTo("ACT_WITH_APPROVAL"));

        // ACT_WITH_APPROVAL, a month later, 8 days: each update is approved by a person, carried
        // out, claimed SUCCEEDED; the owner confirms 3 claims in 4.
        clock.advance(Duration.ofDays(30));
        List<String> unconfirmed = new ArrayList<>();
        int step = 0;
        for (int day = 0; day < 8; day++, clock.advance(Duration.ofDays(1))) {
            for (int i = 0; i < 14; i++, step++) {
                String allowed = approvedAndCarriedOut(agent, second);
                as(agent).contentType(ContentType.JSON).body(Map.of("status", "SUCCEEDED"))
                        .post("/v1/decisions/{id}/outcome", allowed).then().statusCode(201);
                if (step % 4 == 3) unconfirmed.add(allowed);
                else review(owner, allowed, "confirm");
            }
        }
        ask(owner, id, "ROUTINE").statusCode(409)
                .body("unmetCriteria.criterion", equalTo(List.of("outcomeCoverage")))
                .body("unmetCriteria[0].actual", equalTo(0.75f));

        // The owner looks at ten of the claims left open and confirms them: 94 of 112.
        for (String allowed : unconfirmed.subList(0, 10)) review(owner, allowed, "confirm");
        String routine = ask(owner, id, "ROUTINE").statusCode(201).extract().path("id");
        signOff(Given.user("life-third-person").roles("agent-admin").create(), routine).statusCode(200);
        asAdmin().get("/v1/agents/{id}", id).then().body("autonomyLevel", equalTo("ROUTINE"));
        asAdmin().get("/v1/agents/{id}/levels", id).then()
                .body("kind", equalTo(List.of("REGISTERED", "PROMOTED", "PROMOTED")))
                .body("override", equalTo(List.of(false, false, false)));
        assertThat(Api.decide(agent, UPDATE).extract().<String>path("outcome")).isEqualTo("ALLOW");
    }

    /** An OBSERVE agent's update: a RECOMMEND decision, its id. */
    private static String proposed(RegisteredAgent agent) {
        return Api.decide(agent, UPDATE).statusCode(200).body("outcome", equalTo("RECOMMEND")).extract().path("decisionId");
    }

    /** REQUIRE_APPROVAL, approved by the approver, asked again with the approval: the ALLOW decision's id. */
    private static String approvedAndCarriedOut(RegisteredAgent agent, TestUser approver) {
        String approval = Api.decide(agent, UPDATE).statusCode(200).body("outcome", equalTo("REQUIRE_APPROVAL"))
                .extract().path("approval.id");
        Api.approve(approval, approver).statusCode(200);
        return Api.decide(agent, UPDATE, Map.of("approvalId", approval)).statusCode(200)
                .body("outcome", equalTo("ALLOW")).extract().path("decisionId");
    }

    private static void humanAction(TestUser who, String decisionId, String action) {
        as(who).contentType(ContentType.JSON).body(Map.of("action", action))
                .post("/v1/decisions/{id}/human-action", decisionId).then().statusCode(201);
    }

    private static void review(TestUser who, String decisionId, String verdict) {
        as(who).contentType(ContentType.JSON).body(Map.of("comment", "checked the service"))
                .post("/v1/decisions/{id}/outcome/" + verdict, decisionId).then().statusCode(201);
    }

    private static ValidatableResponse ask(TestUser who, String agentId, String level) {
        return as(who).contentType(ContentType.JSON).body(Map.of("toLevel", level, "justification", "the record"))
                .post("/v1/agents/{id}/promotions", agentId).then();
    }

    private static ValidatableResponse signOff(TestUser who, String promotionId) {
        return as(who).contentType(ContentType.JSON).body(Map.of("comment", "evidence read"))
                .post("/v1/promotions/{id}/approve", promotionId).then();
    }
}
