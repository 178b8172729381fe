package dev.governor.audit;

import dev.governor.audit.cli.VerifyExportAccess;
import dev.governor.testing.RegisteredAgent;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static dev.governor.testing.TestAuth.asAdmin;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;

/** The chain detects rows edited, deleted, reordered or added directly in the database. */
@QuarkusTest
class AuditChainTest {

    @Inject
    AgroalDataSource db;

    @Test
    void everyKindOfChangeIsChainedAndTheChainVerifies() throws Exception {
        RegisteredAgent agent = Fixtures.agent("ROUTINE", List.of("sandbox"), List.of("config:*"));
        asAdmin().contentType(ContentType.JSON).body(Map.of("reason", "drifting"))
                .post("/v1/agents/{id}/suspend", agent.id()).then().statusCode(200);
        asAdmin().post("/v1/agents/{id}/resume", agent.id()).then().statusCode(200);
        String freeze = asAdmin().contentType(ContentType.JSON)
                .body(Map.of("environment", "audit-env", "until", OffsetDateTime.now(ZoneOffset.UTC).plusHours(1).toString(),
                        "reason", "release"))
                .post("/v1/freezes").then().statusCode(201).extract().path("id");
        asAdmin().delete("/v1/freezes/{id}", freeze).then().statusCode(200);
        String decision = Fixtures.decisionId(agent, Fixtures.action("config.update", "sandbox", "cfg/a"));

        assertThat(kinds(agent.id())).containsExactly("AGENT_CREATED", "AGENT_SUSPENDED", "AGENT_RESUMED");
        assertThat(kinds(freeze)).containsExactly("FREEZE_CREATED", "FREEZE_LIFTED");
        assertThat(kinds(decision)).containsExactly("DECISION");
        assertThat(query("SELECT actor FROM audit_log WHERE subject_id = ?", decision)).containsExactly(agent.id());
        assertThat(query("SELECT payload FROM audit_log WHERE subject_id = ?", decision).get(0))
                .contains("\"decisionId\":\"" + decision + "\"", "\"firings\":[{", "\"policyVersion\":\"sha256:");
        asAdmin().get("/v1/audit/verify").then().statusCode(200)
                .body("valid", is(true)).body("firstBrokenId", nullValue()).body("reason", nullValue());
    }

    @Test
    void anEditedRecordIsDetected() throws Exception {
        long seq = lastSeqOf(Fixtures.agent("ROUTINE", List.of("sandbox"), List.of("config:*")).id());
        Fixtures.agent("ROUTINE", List.of("sandbox"), List.of("config:*")); // so the edited one is not the head
        String payload = query("SELECT payload FROM audit_log WHERE seq = ?", seq).get(0);
        exec("UPDATE audit_log SET payload = ? WHERE seq = ?", payload.replace("ROUTINE", "AUTONOMOUS"), seq);
        try {
            broken(seq, "edited");
        } finally {
            exec("UPDATE audit_log SET payload = ? WHERE seq = ?", payload, seq);
        }
        valid();
    }

    @Test
    void aDeletedRecordIsDetected() throws Exception {
        long seq = lastSeqOf(Fixtures.agent("ROUTINE", List.of("sandbox"), List.of("config:*")).id());
        Fixtures.agent("ROUTINE", List.of("sandbox"), List.of("config:*"));
        List<Object> row = deleteRow(seq);
        try {
            broken(seq + 1, "missing");
        } finally {
            restore(row);
        }
        valid();
    }

    @Test
    void aDeletedLastRecordIsDetectedThroughTheHead() throws Exception {
        long seq = lastSeqOf(Fixtures.agent("ROUTINE", List.of("sandbox"), List.of("config:*")).id());
        List<Object> row = deleteRow(seq);
        try {
            broken(seq, "deleted");
        } finally {
            restore(row);
        }
        valid();
    }

    @Test
    void reorderedRecordsAreDetected() throws Exception {
        long first = lastSeqOf(Fixtures.agent("ROUTINE", List.of("sandbox"), List.of("config:*")).id());
        long second = lastSeqOf(Fixtures.agent("ROUTINE", List.of("sandbox"), List.of("config:*")).id());
        swap(first, second);
        try {
            broken(first, "reordered");
        } finally {
            swap(first, second);
        }
        valid();
    }

    @Test
    void aForgedRecordAppendedBehindGovernorsBackIsDetected() throws Exception {
        long head = lastSeqOf(Fixtures.agent("ROUTINE", List.of("sandbox"), List.of("config:*")).id());
        String prev = query("SELECT hash FROM audit_log WHERE seq = ?", head).get(0);
        String at = ChainHash.formatAt(java.time.Instant.parse("2026-01-01T00:00:00Z"));
        String hash = ChainHash.of(prev, head + 1, "AGENT_CREATED", "forged", "mallory", at, "{}");
        exec("INSERT INTO audit_log (seq, kind, subject_id, actor, recorded_at, payload, prev_hash, hash) "
                + "VALUES (?, 'AGENT_CREATED', 'forged', 'mallory', ?, '{}', ?, ?)",
                head + 1, OffsetDateTime.parse("2026-01-01T00:00:00Z"), prev, hash);
        try {
            broken(head + 1, "outside Governor");
        } finally {
            exec("DELETE FROM audit_log WHERE seq = ?", head + 1);
        }
        valid();
    }

    @Test
    void verificationCanStartFromACheckpoint() throws Exception {
        long seq = lastSeqOf(Fixtures.agent("ROUTINE", List.of("sandbox"), List.of("config:*")).id());
        String hash = query("SELECT hash FROM audit_log WHERE seq = ?", seq).get(0);
        Fixtures.agent("ROUTINE", List.of("sandbox"), List.of("config:*"));

        asAdmin().queryParam("fromSeq", seq + 1).queryParam("expectedPrevHash", hash).get("/v1/audit/verify").then()
                .statusCode(200).body("valid", is(true)).body("fromSeq", is((int) seq + 1)).body("records", is(1));
        asAdmin().queryParam("fromSeq", seq + 1).queryParam("expectedPrevHash", "0".repeat(64)).get("/v1/audit/verify")
                .then().statusCode(200).body("valid", is(false)).body("firstBrokenId", is((int) seq + 1));
        asAdmin().queryParam("fromSeq", seq + 1).get("/v1/audit/verify").then()
                .statusCode(400).contentType("application/problem+json")
                .body("violations.field", hasItem("expectedPrevHash"));
        asAdmin().queryParam("fromSeq", "abc").get("/v1/audit/verify").then()
                .statusCode(400).body("violations.field", hasItem("fromSeq"));
        asAdmin().queryParam("expectedPrevHash", "xyz").get("/v1/audit/verify").then()
                .statusCode(400).body("violations.field", hasItem("expectedPrevHash"));
    }

    @Test
    void theOfflineVerifierChecksAnExportWithoutTheService() throws Exception {
        Fixtures.decisionId(Fixtures.agent("ROUTINE", List.of("sandbox"), List.of("config:*")),
                Fixtures.action("config.update", "sandbox", "cfg/\"quoted\", \u00e9\n"));
        String export = asAdmin().queryParam("format", "ndjson").get("/v1/audit/log").then().statusCode(200)
                .contentType("application/x-ndjson").extract().asString();
        Path file = Files.createTempFile("audit-log", ".ndjson");
        try {
            Files.writeString(file, export);
            assertThat(VerifyExportAccess.run(file.toString())).isZero();

            List<String> lines = new ArrayList<>(export.lines().toList());
            lines.set(lines.size() / 2, lines.get(lines.size() / 2).replace("\"actor\":\"", "\"actor\":\"x"));
            Files.write(file, lines);
            assertThat(VerifyExportAccess.run(file.toString())).isEqualTo(1);

            lines = new ArrayList<>(export.lines().toList());
            lines.remove(lines.size() - 1);
            Files.write(file, lines);
            String head = asAdmin().get("/v1/audit/verify").then().extract().path("lastHash");
            assertThat(VerifyExportAccess.run(file.toString(), "--expected-head-hash", head)).isEqualTo(1);
        } finally {
            Files.deleteIfExists(file);
        }
    }

    @Test
    void anAuditWriteThatCannotGetTheLockAnswers503AndNothingIsRecorded() throws Exception {
        RegisteredAgent agent = Fixtures.agent("ROUTINE", List.of("sandbox"), List.of("config:*"));
        try (Connection c = db.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement lock = c.prepareStatement("SELECT last_seq FROM audit_head WHERE id = 1 FOR UPDATE")) {
                lock.executeQuery().close();
            }
            try {
                Fixtures.decide(agent, Fixtures.action("config.update", "sandbox", "cfg/a"), Map.of()).statusCode(503)
                        .contentType("application/problem+json").body("status", is(503))
                        .body("detail", containsString("audit log"));
            } finally {
                c.rollback();
            }
        }
        assertThat(query("SELECT CAST(id AS VARCHAR(36)) FROM decisions WHERE agent_id = ?", agent.id())).isEmpty();
        Fixtures.decide(agent, Fixtures.action("config.update", "sandbox", "cfg/a"), Map.of()).statusCode(200);
        valid();
    }

    private static void broken(long seq, String why) {
        asAdmin().get("/v1/audit/verify").then().statusCode(200)
                .body("valid", is(false))
                .body("firstBrokenId", is((int) seq))
                .body("reason", containsString(why));
    }

    private static void valid() {
        asAdmin().get("/v1/audit/verify").then().statusCode(200).body("valid", is(true));
    }

    private List<String> kinds(String subject) throws Exception {
        return query("SELECT kind FROM audit_log WHERE subject_id = ? ORDER BY seq", subject);
    }

    private long lastSeqOf(String subject) throws Exception {
        List<String> seqs = query("SELECT CAST(seq AS VARCHAR(20)) FROM audit_log WHERE subject_id = ? ORDER BY seq DESC",
                subject);
        return Long.parseLong(seqs.get(0));
    }

    private void swap(long a, long b) throws Exception {
        exec("UPDATE audit_log SET seq = -1 WHERE seq = ?", a);
        exec("UPDATE audit_log SET seq = ? WHERE seq = ?", a, b);
        exec("UPDATE audit_log SET seq = ? WHERE seq = -1", b);
    }

    private List<Object> deleteRow(long seq) throws Exception {
        List<Object> row = new ArrayList<>();
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT seq, kind, subject_id, actor, recorded_at, payload, prev_hash, hash, sig FROM audit_log WHERE seq = ?")) {
            ps.setLong(1, seq);
            try (ResultSet rs = ps.executeQuery()) {
                assertThat(rs.next()).isTrue();
                for (int i = 1; i <= 9; i++) {
                    row.add(i == 5 ? rs.getObject(i, OffsetDateTime.class) : rs.getObject(i));
                }
            }
        }
        exec("DELETE FROM audit_log WHERE seq = ?", seq);
        return row;
    }

    private void restore(List<Object> row) throws Exception {
        exec("INSERT INTO audit_log (seq, kind, subject_id, actor, recorded_at, payload, prev_hash, hash, sig) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", row.toArray());
    }

    private List<String> query(String sql, Object... params) throws Exception {
        List<String> out = new ArrayList<>();
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
        }
        return out;
    }

    private void exec(String sql, Object... params) throws Exception {
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            ps.executeUpdate();
        }
    }
}
