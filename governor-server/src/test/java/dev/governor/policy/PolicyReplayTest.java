package dev.governor.policy;

import dev.governor.testing.Given;
import dev.governor.testing.RegisteredAgent;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static dev.governor.testing.TestAuth.as;
import static dev.governor.testing.TestAuth.asAdmin;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;

@QuarkusTest
@TestProfile(TempPolicyProfile.class)
class PolicyReplayTest {

    @Test
    void replayCountsFlipsOnAKnownHistory() throws Exception {
        RegisteredAgent agent = Given.agent("replay-" + UUID.randomUUID().toString().substring(0, 8)).task("t")
                .level(AutonomyLevel.AUTONOMOUS).environments("sandbox").permissions("*:*").register();
        // 3 decisions on 3-hour-old inventory data (stale: DENY), 2 on fresh data (ALLOW)
        for (int i = 0; i < 3; i++) decide(agent, 180, "DENY");
        for (int i = 0; i < 2; i++) decide(agent, 1, "ALLOW");

        Path candidate = TempPolicyProfile.ROOT.resolve("candidate-" + UUID.randomUUID());
        TempPolicyProfile.copy(Path.of("rules"), candidate.resolve("rules"));
        TempPolicyProfile.copy(Path.of("decision-tables"), candidate.resolve("decision-tables"));
        setInventoryFreshness(candidate.resolve("decision-tables/data-freshness.xlsx"), 24 * 60);

        String base = candidate.getFileName().toString();
        asAdmin().contentType(ContentType.JSON)
                .body(Map.of("candidate", Map.of("rulesDir", base + "/rules", "tablesDir", base + "/decision-tables"),
                        "last", 5, "examples", 2))
                .post("/v1/policies/replay").then().log().ifValidationFails().statusCode(200)
                .body("replayed", equalTo(5))
                .body("unchanged", equalTo(2))
                .body("skipped", equalTo(0))
                .body("flips", hasSize(1))
                .body("flips[0].from", equalTo("DENY"))
                .body("flips[0].to", equalTo("ALLOW"))
                .body("flips[0].count", equalTo(3))
                .body("byAgent[0].key", equalTo(agent.id()))
                .body("byAgent[0].replayed", equalTo(5))
                .body("byAgent[0].flipped", equalTo(3))
                .body("byActionType[0].key", equalTo("inventory.adjust"))
                .body("examples", hasSize(2))
                .body("examples[0].fromReasons", hasItem("DATA_STALE"));
    }

    /**
     * The policy in force, unchanged, replayed over decisions that used approvals and plan steps
     * (and ones that were refused for reusing them): neither the answer nor the verdict flips.
     */
    @Test
    void replayingThePolicyInForceOverApprovedAndPlannedDecisionsFlipsNothing() throws Exception {
        String agent = "replay-" + UUID.randomUUID().toString().substring(0, 8);
        String key = asAdmin().contentType(ContentType.JSON)
                .body(Map.of("id", agent, "owner", dev.governor.testing.Given.owner("alice@example.com"), "task", "t",
                        "autonomyLevel", "AUTONOMOUS", "environments", List.of("sandbox"), "permissions", List.of("*:*")))
                .post("/v1/agents").then().statusCode(201).extract().<String>path("apiKey");
        String approver = dev.governor.testing.TestAuth.user("bob@example.com", "approver");
        Map<String, Object> drop = Map.of("type", "database.drop", "environment", "sandbox", "target", "db/a",
                "impact", Map.of("records", 5000, "users", 0, "monetaryValue", 0), "rollbackPlan", "restore from backup b-7");
        Map<String, Object> update = Map.of("type", "config.update", "environment", "sandbox", "target", "cfg/a",
                "impact", Map.of("records", 0, "users", 0, "monetaryValue", 0));
        int decisions = 0;

        String approvalId = ask(key, agent, drop, Map.of(), "REQUIRE_APPROVAL").path("approval.id");
        decisions++;
        approveAs(approver, approvalId);
        ask(key, agent, drop, Map.of("approvalId", approvalId), "ALLOW");
        ask(key, agent, drop, Map.of("approvalId", approvalId), "DENY");
        decisions += 2;

        var plan = as(key).contentType(ContentType.JSON)
                .body(Map.of("agentId", agent, "goal", "two steps", "steps",
                        List.of(Map.of("action", update), Map.of("action", drop))))
                .post("/v1/plans").then().statusCode(200).body("outcome", equalTo("REQUIRE_APPROVAL")).extract();
        String planId = plan.path("planId");
        ask(key, agent, update, Map.of("planId", planId, "stepIndex", 0), "REQUIRE_APPROVAL");
        approveAs(approver, plan.path("approval.id"));
        ask(key, agent, update, Map.of("planId", planId, "stepIndex", 0), "ALLOW");
        ask(key, agent, drop, Map.of("planId", planId, "stepIndex", 1), "ALLOW");
        ask(key, agent, drop, Map.of("planId", planId, "stepIndex", 1), "DENY");
        ask(key, agent, update, Map.of(), "ALLOW");
        decisions += 5;

        Path candidate = TempPolicyProfile.ROOT.resolve("unchanged-" + UUID.randomUUID());
        TempPolicyProfile.copy(TempPolicyProfile.ROOT.resolve("live/rules"), candidate.resolve("rules"));
        TempPolicyProfile.copy(TempPolicyProfile.ROOT.resolve("live/decision-tables"), candidate.resolve("decision-tables"));
        String base = candidate.getFileName().toString();
        asAdmin().contentType(ContentType.JSON)
                .body(Map.of("candidate", Map.of("rulesDir", base + "/rules", "tablesDir", base + "/decision-tables"),
                        "last", decisions))
                .post("/v1/policies/replay").then().log().ifValidationFails().statusCode(200)
                .body("replayed", equalTo(decisions))
                .body("unchanged", equalTo(decisions))
                .body("skipped", equalTo(0))
                .body("flips", hasSize(0))
                .body("verdict.replayed", equalTo(decisions))
                .body("verdict.unchanged", equalTo(decisions))
                .body("verdict.flips", hasSize(0))
                .body("examples", hasSize(0));
    }

    private static io.restassured.response.ExtractableResponse<?> ask(String key, String agent,
                                                                       Map<String, Object> action,
                                                                       Map<String, Object> extra, String expected) {
        Map<String, Object> body = new java.util.HashMap<>(extra);
        body.put("agentId", agent);
        body.put("action", action);
        return as(key).contentType(ContentType.JSON).body(body).post("/v1/decisions")
                .then().statusCode(200).body("outcome", equalTo(expected)).extract();
    }

    private static void approveAs(String approver, String approvalId) {
        as(approver).contentType(ContentType.JSON).body(Map.of("comment", "ok"))
                .post("/v1/approvals/{id}/approve", approvalId).then().statusCode(200);
    }

    @Test
    void candidateOutsideTheRootIsRefused() {
        asAdmin().contentType(ContentType.JSON)
                .body(Map.of("candidate", Map.of("rulesDir", "../../../etc", "tablesDir", "live/decision-tables")))
                .post("/v1/policies/replay").then().statusCode(400)
                .body("violations[0].field", equalTo("candidate.rulesDir"));
        asAdmin().contentType(ContentType.JSON)
                .body(Map.of("candidate", Map.of("rulesDir", "live/rules", "tablesDir", "no-such-dir")))
                .post("/v1/policies/replay").then().statusCode(400)
                .body("violations[0].field", equalTo("candidate.tablesDir"))
                .body("violations[0].message", containsString("does not exist"));
    }

    @Test
    void brokenCandidateIs422() throws Exception {
        Path candidate = TempPolicyProfile.ROOT.resolve("broken-" + UUID.randomUUID());
        TempPolicyProfile.copy(Path.of("rules"), candidate.resolve("rules"));
        TempPolicyProfile.copy(Path.of("decision-tables"), candidate.resolve("decision-tables"));
        Files.writeString(candidate.resolve("rules/freeze.drl"), "package governor.rules;\nrule \"x\" when then");
        String base = candidate.getFileName().toString();
        asAdmin().contentType(ContentType.JSON)
                .body(Map.of("candidate", Map.of("rulesDir", base + "/rules", "tablesDir", base + "/decision-tables")))
                .post("/v1/policies/replay").then().statusCode(422)
                .body("violations.field", hasItem("rules/freeze.drl"));
    }

    private static void decide(RegisteredAgent agent, int minutesOld, String expected) {
        String observedAt = OffsetDateTime.now(ZoneOffset.UTC).minusMinutes(minutesOld).toString();
        as(agent).contentType(ContentType.JSON)
                .body(Map.of("agentId", agent.id(), "action", Map.of("type", "inventory.adjust", "environment", "sandbox",
                                "target", "sku-1", "impact", Map.of("records", 0, "users", 0, "monetaryValue", 0)),
                        "inputs", List.of(Map.of("source", "inventory-db", "metric", "stock.sku-1", "value", 10,
                                "observedAt", observedAt))))
                .post("/v1/decisions").then().statusCode(200).body("outcome", equalTo(expected));
    }

    private static void setInventoryFreshness(Path file, double minutes) throws Exception {
        Workbook wb;
        try (InputStream in = Files.newInputStream(file)) {
            wb = new XSSFWorkbook(in);
        }
        for (Row row : wb.getSheetAt(0)) {
            if (row.getCell(2) != null && "inventory-db".equals(row.getCell(2).toString())) row.getCell(3).setCellValue(minutes);
        }
        try (OutputStream out = Files.newOutputStream(file)) {
            wb.write(out);
        }
        wb.close();
    }
}
