package dev.governor.decision;

import dev.governor.Api;
import dev.governor.audit.Fixtures;
import dev.governor.testing.RegisteredAgent;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static dev.governor.testing.TestAuth.as;
import static dev.governor.testing.TestAuth.asAdmin;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.notNullValue;

@QuarkusTest
class OutcomeAndTraceTest {

    @Test
    void outcomesAreStoredAsHistoryAndAudited() {
        RegisteredAgent agent = Fixtures.agent("ROUTINE", List.of("sandbox"), List.of("config:*"));
        String id = Fixtures.decisionId(agent, Fixtures.action("config.update", "sandbox", "cfg/a"));

        as(agent).contentType(ContentType.JSON).body(Map.of("status", "SUCCEEDED", "detail", "applied"))
                .post("/v1/decisions/{id}/outcome", id).then().statusCode(201)
                .body("status", is("SUCCEEDED")).body("incident", is(false)).body("decisionId", is(id))
                .body("reportedAt", notNullValue());
        as(agent).contentType(ContentType.JSON).body(Map.of("status", "ROLLED_BACK", "incident", true, "detail", "500s"))
                .post("/v1/decisions/{id}/outcome", id).then().statusCode(201).body("incident", is(true));

        asAdmin().get("/v1/decisions/{id}", id).then().statusCode(200)
                .body("outcomes.status", containsInAnyOrder("SUCCEEDED", "ROLLED_BACK"));
        asAdmin().get("/v1/decisions/{id}/trace", id).then().statusCode(200)
                .body("outcomes", hasSize(2))
                .body("auditRecords.kind", contains("DECISION", "DECISION_OUTCOME", "DECISION_OUTCOME"));
        asAdmin().get("/v1/audit/verify").then().body("valid", is(true));
    }

    @Test
    void badOutcomeReportsAnswer400AndUnknownDecisions404() {
        RegisteredAgent agent = Fixtures.agent("ROUTINE", List.of("sandbox"), List.of("config:*"));
        String id = Fixtures.decisionId(agent, Fixtures.action("config.update", "sandbox", "cfg/a"));
        for (Object[] bad : new Object[][] {
                {"{}", "status"}, {"{\"status\": \"MAYBE\"}", "status"}, {"{\"status\": \"FAILED\", \"incident\": \"yes\"}",
                "incident"}, {"{\"status\": \"FAILED\", \"who\": \"me\"}", "who"},
                {"{\"status\": \"FAILED\", \"detail\": \"" + "x".repeat(4001) + "\"}", "detail"}}) {
            as(agent).contentType(ContentType.JSON).body(bad[0]).post("/v1/decisions/{id}/outcome", id).then()
                    .statusCode(400).contentType("application/problem+json").body("violations.field", hasItem(bad[1]));
        }
        as(agent).contentType(ContentType.JSON).body(Map.of("status", "FAILED"))
                .post("/v1/decisions/{id}/outcome", UUID.randomUUID()).then().statusCode(404)
                .contentType("application/problem+json");
        asAdmin().get("/v1/decisions/{id}/trace", UUID.randomUUID()).then().statusCode(404);
        asAdmin().get("/v1/decisions/{id}", id).then().body("outcomes", empty());
    }

    @Test
    void traceTellsTheWholeStoryInOrder() throws Exception {
        RegisteredAgent agent = Fixtures.agent("ACT_WITH_APPROVAL", List.of("sandbox"), List.of("config:*"));
        String now = OffsetDateTime.now(ZoneOffset.UTC).toString();
        String stale = OffsetDateTime.now(ZoneOffset.UTC).minusDays(30).toString();
        var inputs = List.of(
                Map.of("source", "inventory-db", "metric", "stock.sku-1", "value", 40, "observedAt", now),
                Map.of("source", "inventory-db", "metric", "stock.sku-2", "value", 41, "observedAt", stale));
        var response = Fixtures.decide(agent, Fixtures.action("config.update", "sandbox", "cfg/a"),
                Map.of("inputs", inputs)).statusCode(200).extract();
        String id = response.path("decisionId");
        var trace = asAdmin().get("/v1/decisions/{id}/trace", id).then().statusCode(200)
                .body("decisionId", is(id)).body("agentId", is(agent.id()))
                .body("request.action.target", is("cfg/a"))
                .body("request.reasoning.goal", is("fix config"))
                .body("request.agent.autonomyLevel", is("ACT_WITH_APPROVAL"))
                .body("inputs", hasSize(2))
                .body("inputs[0].findings", empty())
                .body("inputs[1].findings.code", hasItem("DATA_STALE"))
                .body("inputs[1].ageSeconds", notNullValue())
                .body("verdict.outcome", is("DENY"))
                .body("verdict.reasons.code", hasItem("DATA_STALE"))
                .body("firings.file", hasItem("rules/data-quality.drl"))
                .body("auditRecords[0].kind", is("DECISION"))
                .extract().jsonPath();
        List<Integer> seqs = trace.getList("firings.seq");
        org.assertj.core.api.Assertions.assertThat(seqs).isSorted().doesNotHaveDuplicates();
    }

    @Test
    void traceListsApprovalEventsWithWhoAndWhen() throws Exception {
        RegisteredAgent agent = Fixtures.agent("AUTONOMOUS", List.of("production"), List.of("*:*"));
        var response = Fixtures.decide(agent, Fixtures.action("environment.delete", "production", "env/x"), Map.of())
                .statusCode(200).extract();
        String id = response.path("decisionId");
        String approval = response.path("approval.id");
        as(Api.approver("bob@example.com")).contentType(io.restassured.http.ContentType.JSON)
                .body(Map.of("approver", "bob@example.com", "comment", "looks fine"))
                .post("/v1/approvals/{id}/approve", approval).then().statusCode(200);

        asAdmin().get("/v1/decisions/{id}/trace", id).then().statusCode(200)
                .body("verdict.outcome", is("REQUIRE_APPROVAL"))
                .body("verdict.approval.id", is(approval))
                .body("approvalEvents.type", contains("OPENED", "APPROVED"))
                .body("approvalEvents.actor", contains(agent.id(), "bob@example.com"))
                .body("approvalEvents[1].comment", is("looks fine"))
                .body("approvalEvents[1].approvalId", is(approval));
    }

}
