package dev.governor.audit;

import dev.governor.testing.Build;
import dev.governor.testing.Given;
import dev.governor.testing.RegisteredAgent;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.governor.audit.cli.VerifyExportAccess;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static dev.governor.testing.TestAuth.as;
import static dev.governor.testing.TestAuth.asAdmin;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;

/**
 * What auditors read is what the chain protects: each change an insider makes by SQL to a stored
 * decision or approval, leaving {@code audit_log} alone, is reported by {@code GET /v1/audit/verify}
 * at the record that bound the row, and by the offline verifier at the same record, recomputing
 * the hashes from a bundle ({@code GET /v1/audit/bundle}). Every test undoes its change, and the
 * chain verifies again.
 */
@QuarkusTest
class AuditTamperTest {

    @Inject
    AgroalDataSource db;
    Sql sql;

    @BeforeEach
    void sql() {
        sql = new Sql(db);
    }

    @Test
    void aDenyTurnedIntoAnAllowInDecisionsIsReportedAtItsRecord() throws Exception {
        RegisteredAgent agent = Fixtures.agent("ROUTINE", List.of("sandbox"), List.of("config:*"));
        String decision = Fixtures.decide(agent, Fixtures.action("environment.delete", "sandbox", "env/x"), Map.of())
                .statusCode(200).body("outcome", is("DENY")).extract().path("decisionId");
        long seq = recordOf(decision);
        Map<String, Object> row = sql.rows("SELECT outcome, response_json FROM decisions WHERE id = ?",
                UUID.fromString(decision)).get(0);
        sql.exec("UPDATE decisions SET outcome = 'ALLOW', response_json = ? WHERE id = ?",
                row.get("response_json").toString().replace("\"DENY\"", "\"ALLOW\""), UUID.fromString(decision));
        try {
            asAdmin().get("/v1/decisions/{id}", decision).then().body("outcome", is("ALLOW")); // what a reader now sees
            broken(seq, "decision " + decision);
        } finally {
            sql.exec("UPDATE decisions SET outcome = ?, response_json = ? WHERE id = ?", row.get("outcome"),
                    row.get("response_json"), UUID.fromString(decision));
        }
        valid();
    }

    @Test
    void aDeletedFiringIsReportedAtItsDecisionsRecord() throws Exception {
        RegisteredAgent agent = Fixtures.agent("ROUTINE", List.of("sandbox"), List.of("config:*"));
        String decision = Fixtures.decisionId(agent, Fixtures.action("config.update", "sandbox", "cfg/a"));
        long seq = recordOf(decision);
        List<Map<String, Object>> firing = sql.rows(
                "SELECT * FROM decision_firings WHERE decision_id = ? ORDER BY seq DESC", UUID.fromString(decision))
                .subList(0, 1);
        sql.exec("DELETE FROM decision_firings WHERE id = ?", firing.get(0).get("id"));
        try {
            broken(seq, "decision " + decision);
        } finally {
            sql.insert("decision_firings", firing);
        }
        valid();
    }

    @Test
    void anEditedApprovalStatusIsReportedAtTheLatestRecordAboutIt() throws Exception {
        String approval = openApproval();
        long opened = recordOf(approval);
        sql.exec("UPDATE approvals SET status = 'APPROVED' WHERE id = ?", UUID.fromString(approval));
        try {
            broken(opened, "approval " + approval);
        } finally {
            sql.exec("UPDATE approvals SET status = 'PENDING' WHERE id = ?", UUID.fromString(approval));
        }
        valid();
    }

    @Test
    void approvalChangesMadeByGovernorKeepTheChainValidAndADeletedEventIsReported() throws Exception {
        String approval = openApproval();
        as(Given.user("tamper-approver").roles("approver").create()).contentType(ContentType.JSON)
                .body(Map.of("comment", "ok")).post("/v1/approvals/{id}/approve", approval).then().statusCode(200);
        long approved = recordOf(approval);
        valid();
        List<Map<String, Object>> event = sql.rows("SELECT * FROM approval_events WHERE approval_id = ? "
                + "AND type = 'APPROVED'", UUID.fromString(approval));
        sql.exec("DELETE FROM approval_events WHERE id = ?", event.get(0).get("id"));
        try {
            broken(approved, "approval " + approval);
        } finally {
            sql.insert("approval_events", event);
        }
        valid();
    }

    @Test
    void aDeletedDecisionIsReportedAsMissing() throws Exception {
        RegisteredAgent agent = Fixtures.agent("ROUTINE", List.of("sandbox"), List.of("config:*"));
        String decision = Fixtures.decisionId(agent, Fixtures.action("config.update", "sandbox", "cfg/a"));
        long seq = recordOf(decision);
        UUID id = UUID.fromString(decision);
        List<Map<String, Object>> decisionRow = sql.rows("SELECT * FROM decisions WHERE id = ?", id);
        List<Map<String, Object>> firings = sql.rows("SELECT * FROM decision_firings WHERE decision_id = ?", id);
        List<Map<String, Object>> budget = sql.rows("SELECT * FROM budget_usage WHERE decision_id = ?", id);
        sql.exec("DELETE FROM budget_usage WHERE decision_id = ?", id);
        sql.exec("DELETE FROM decision_firings WHERE decision_id = ?", id);
        sql.exec("DELETE FROM decisions WHERE id = ?", id);
        try {
            broken(seq, "missing");
        } finally {
            sql.insert("decisions", decisionRow);
            sql.insert("decision_firings", firings);
            sql.insert("budget_usage", budget);
        }
        valid();
    }

    @Test
    void aDecisionInsertedBySqlIsNamedAsBoundByNoRecord() throws Exception {
        RegisteredAgent agent = Fixtures.agent("ROUTINE", List.of("sandbox"), List.of("config:*"));
        String decision = Fixtures.decisionId(agent, Fixtures.action("config.update", "sandbox", "cfg/b"));
        Map<String, Object> row = sql.rows("SELECT * FROM decisions WHERE id = ?", UUID.fromString(decision)).get(0);
        UUID forged = UUID.randomUUID();
        row.put("id", forged);
        sql.insert("decisions", List.of(row));
        try {
            asAdmin().get("/v1/decisions/{id}", forged).then().statusCode(200); // what a reader now sees
            unbound("decision " + forged);
        } finally {
            sql.exec("DELETE FROM decisions WHERE id = ?", forged);
        }
        valid();
    }

    @Test
    void aRolledBackOutcomeEditedIntoASuccessIsReportedAtItsRecord() throws Exception {
        RegisteredAgent agent = Fixtures.agent("ROUTINE", List.of("sandbox"), List.of("config:*"));
        String decision = Fixtures.decisionId(agent, Fixtures.action("config.update", "sandbox", "cfg/c"));
        String outcome = as(agent).contentType(ContentType.JSON)
                .body(Map.of("status", "ROLLED_BACK", "incident", true, "detail", "500s after the change"))
                .post("/v1/decisions/{id}/outcome", decision).then().statusCode(201).extract().path("id");
        long seq = sql.number("SELECT MAX(seq) FROM audit_log WHERE kind = 'DECISION_OUTCOME' AND subject_id = ?", decision);
        sql.exec("UPDATE decision_outcomes SET status = 'SUCCEEDED', incident = FALSE WHERE id = ?", UUID.fromString(outcome));
        try {
            broken(seq, "outcome " + outcome);
        } finally {
            sql.exec("UPDATE decision_outcomes SET status = 'ROLLED_BACK', incident = TRUE WHERE id = ?",
                    UUID.fromString(outcome));
        }
        valid();
    }

    @Test
    void aDeniedPlanEditedIntoAnAllowAndAnExecutedStepResetAreReportedAtTheLatestRecord() throws Exception {
        RegisteredAgent agent = Fixtures.agent("AUTONOMOUS", List.of("sandbox"), List.of("config:*"));
        Map<String, Object> update = Fixtures.action("config.update", "sandbox", "cfg/d");
        String denied = plan(agent, Fixtures.action("environment.delete", "sandbox", "env/d"))
                .body("outcome", is("DENY")).extract().path("planId");
        long verified = recordOf(denied);
        sql.exec("UPDATE plans SET outcome = 'ALLOW' WHERE id = ?", UUID.fromString(denied));
        try {
            broken(verified, "plan " + denied);
        } finally {
            sql.exec("UPDATE plans SET outcome = 'DENY' WHERE id = ?", UUID.fromString(denied));
        }
        valid();

        String allowed = plan(agent, update).body("outcome", is("ALLOW")).extract().path("planId");
        Fixtures.decide(agent, update, Map.of("planId", allowed, "stepIndex", 0)).statusCode(200)
                .body("outcome", is("ALLOW"));
        long executed = recordOf(allowed);
        assertThat(executed).isGreaterThan(recordOf(denied));
        Map<String, Object> step = sql.rows("SELECT executed_by, executed_at FROM plan_steps WHERE plan_id = ?",
                UUID.fromString(allowed)).get(0);
        sql.exec("UPDATE plan_steps SET executed_by = NULL, executed_at = NULL WHERE plan_id = ?", UUID.fromString(allowed));
        try {
            broken(executed, "plan " + allowed);
        } finally {
            sql.exec("UPDATE plan_steps SET executed_by = ?, executed_at = ? WHERE plan_id = ?", step.get("executed_by"),
                    step.get("executed_at"), UUID.fromString(allowed));
        }
        valid();
    }

    @Test
    void aWidenedExceptionIsReportedAtItsLatestRecordAndAForgedOneAsUnbound() throws Exception {
        RegisteredAgent agent = Given.agent().permissions("config:read").register();
        String id = asAdmin().contentType(ContentType.JSON).body(Map.of("agentId", agent.id(),
                        "actionTypes", List.of("config.update"), "targets", List.of("app/" + agent.id() + "/*"),
                        "reasonCodes", List.of("PERMISSION_NOT_GRANTED"), "justification", "tamper test", "duration", "PT1H"))
                .post("/v1/exceptions").then().statusCode(201).extract().path("id");
        for (String approver : List.of("tamper-a-" + agent.id() + "@example.com", "tamper-b-" + agent.id() + "@example.com")) {
            as(Given.user(approver).roles("approver").create()).contentType(ContentType.JSON).body(Map.of())
                    .post("/v1/exceptions/{id}/approve", id).then().statusCode(200);
        }
        long activated = recordOf(id);
        sql.exec("UPDATE policy_exceptions SET reason_codes = ? WHERE id = ?", "PERMISSION_NOT_GRANTED\nCODE_FREEZE",
                UUID.fromString(id));
        try {
            broken(activated, "policy_exception " + id);
        } finally {
            sql.exec("UPDATE policy_exceptions SET reason_codes = ? WHERE id = ?", "PERMISSION_NOT_GRANTED", UUID.fromString(id));
        }
        valid();

        List<Map<String, Object>> row = sql.rows("SELECT * FROM policy_exceptions WHERE id = ?", UUID.fromString(id));
        UUID forged = UUID.randomUUID();
        row.get(0).put("id", forged);
        sql.insert("policy_exceptions", row);
        try {
            unbound("policy_exception " + forged);
        } finally {
            sql.exec("DELETE FROM policy_exceptions WHERE id = ?", forged);
        }
        valid();
    }

    private static io.restassured.response.ValidatableResponse plan(RegisteredAgent agent, Map<String, Object> action) {
        return as(agent).contentType(ContentType.JSON)
                .body(Map.of("agentId", agent.id(), "steps", List.of(Map.of("action", action))))
                .post("/v1/plans").then().statusCode(200);
    }

    private String openApproval() {
        RegisteredAgent agent = Given.agent().environments("production").permissions("*:*").register();
        return as(agent).contentType(ContentType.JSON)
                .body(Map.of("agentId", agent.id(), "action", Map.of("type", "database.drop", "environment",
                        "production", "impact", Map.of("records", 5000), "rollbackPlan", "restore snapshot snap-9")))
                .post("/v1/decisions").then().statusCode(200)
                .body("outcome", is("REQUIRE_APPROVAL")).extract().path("approval.id");
    }

    /** The latest record about {@code subject}. */
    private long recordOf(String subject) throws Exception {
        return sql.number("SELECT MAX(seq) FROM audit_log WHERE subject_id = ?", subject);
    }

    /** Both verifiers name record {@code seq}: online from the tables, offline from a bundle. */
    static void broken(long seq, String why) throws Exception {
        asAdmin().get("/v1/audit/verify").then().statusCode(200)
                .body("valid", is(false)).body("firstBrokenId", is((int) seq))
                .body("reason", allOf(containsString(why), containsString("record " + seq)));
        assertThat(offline()).startsWith("1 BROKEN at seq " + seq + ":").contains(why, "record " + seq);
    }

    /** Both verifiers name {@code row} ("kind id") as added outside Governor. */
    static void unbound(String row) throws Exception {
        asAdmin().get("/v1/audit/verify").then().statusCode(200)
                .body("valid", is(false)).body("firstBrokenId", nullValue())
                .body("unboundRow", is(row))
                .body("reason", containsString("bound by no audit record"));
        assertThat(offline()).startsWith("1 BROKEN: " + row + " is bound by no audit record");
    }

    static void valid() throws Exception {
        asAdmin().get("/v1/audit/verify").then().statusCode(200).body("valid", is(true));
        assertThat(offline()).startsWith("0 VALID").contains("bound rows recomputed");
    }

    /** The offline verifier's answer for a bundle exported now, with Governor's public key. */
    static String offline() throws Exception {
        String bundle = asAdmin().get("/v1/audit/bundle").then().statusCode(200).extract().asString();
        Path file = Files.createTempFile("audit-bundle", ".ndjson");
        try {
            Files.writeString(file, bundle);
            return VerifyExportAccess.output(file.toString(), "--public-key", Build.path("test-audit-key/signing-key.pub.pem").toString());
        } finally {
            Files.deleteIfExists(file);
        }
    }
}
