package dev.governor.audit;

import dev.governor.testing.Build;
import dev.governor.audit.cli.VerifyExportAccess;
import dev.governor.testing.RegisteredAgent;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static dev.governor.testing.TestAuth.asAdmin;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.notNullValue;

/**
 * The head cannot be rewound or rewritten unseen: an insider with SQL access but without
 * Governor's key and its checkpoint files cuts the chain back, appends to it, rewrites it or
 * restores an older backup, each time keeping every link and the head consistent. Both
 * {@code GET /v1/audit/verify} and the offline verifier (given the public key and a checkpoint
 * file) name the first broken record. Every test undoes its change.
 */
@QuarkusTest
class CheckpointTamperTest {

    private static final String LOG_COLUMNS = "seq, kind, subject_id, actor, recorded_at, payload, prev_hash, hash, sig";

    @Inject
    AgroalDataSource db;
    @Inject
    Checkpointer checkpointer;
    @Inject
    Checkpoints checkpoints;
    Sql sql;
    RegisteredAgent agent;

    @BeforeEach
    void setUp() {
        sql = new Sql(db);
        agent = Fixtures.agent("ROUTINE", List.of("sandbox"), List.of("config:*"));
    }

    @Test
    void theTailDeletedAndTheHeadRewoundIsDetected() throws Exception {
        decisions(3);
        Checkpoint cp = checkpoint();
        long k = cp.seq();
        List<Map<String, Object>> tail = records(k - 1);
        sql.exec("DELETE FROM audit_log WHERE seq >= ?", k - 1);
        setHead(k - 2);
        try {
            bothBroken(k - 1, "are missing", cp);
        } finally {
            sql.insert("audit_log", tail);
            setHead(k);
        }
        bothValid(cp);
    }

    @Test
    void aForgedRecordAppendedWithTheHeadAdvancedIsDetected() throws Exception {
        decisions(1);
        Checkpoint cp = checkpoint();
        long k = cp.seq();
        String prev = sql.one("SELECT hash FROM audit_log WHERE seq = ?", k);
        String at = "2026-01-01T00:00:00.000000Z";
        String payload = "{\"agentId\":\"mallory\",\"autonomyLevel\":\"AUTONOMOUS\"}";
        String hash = ChainHash.of(prev, k + 1, "AGENT_UPDATED", "mallory", "admin", at, payload);
        String fakeSig = Base64.getEncoder().encodeToString(new byte[64]);
        for (String sig : new String[] {fakeSig, null}) {
            sql.exec("INSERT INTO audit_log (" + LOG_COLUMNS + ") VALUES (?, 'AGENT_UPDATED', 'mallory', 'admin', ?, ?, ?, ?, ?)",
                    k + 1, OffsetDateTime.parse(at), payload, prev, hash, sig);
            setHead(k + 1);
            try {
                bothBroken(k + 1, sig == null ? "not signed" : "signature does not match", cp);
            } finally {
                sql.exec("DELETE FROM audit_log WHERE seq = ?", k + 1);
                setHead(k);
            }
        }
        bothValid(cp);
    }

    @Test
    void aRecordEditedAndTheChainRecomputedIsDetected() throws Exception {
        decisions(3);
        Checkpoint cp = checkpoint();
        long k = cp.seq();
        long edited = k - 2;
        List<Map<String, Object>> original = records(edited);
        String prev = sql.one("SELECT hash FROM audit_log WHERE seq = ?", edited - 1);
        for (Map<String, Object> r : original) {
            long seq = ((Number) r.get("seq")).longValue();
            String payload = r.get("payload").toString();
            if (seq == edited) payload = payload.replace("\"ALLOW\"", "\"DENY\"");
            String hash = ChainHash.of(prev, seq, r.get("kind").toString(), r.get("subject_id").toString(),
                    r.get("actor").toString(), ChainHash.formatAt(((OffsetDateTime) r.get("recorded_at")).toInstant()),
                    payload);
            sql.exec("UPDATE audit_log SET payload = ?, prev_hash = ?, hash = ? WHERE seq = ?", payload, prev, hash, seq);
            prev = hash;
        }
        sql.exec("UPDATE audit_head SET last_hash = ? WHERE id = 1", prev);
        try {
            bothBroken(edited, "signature does not match", cp);
        } finally {
            sql.exec("DELETE FROM audit_log WHERE seq >= ?", edited);
            sql.insert("audit_log", original);
            setHead(k);
        }
        bothValid(cp);
    }

    @Test
    void anOlderBackupRestoredIsDetected() throws Exception {
        decisions(1);
        long backup = head();
        List<String> later = decisions(2);
        Checkpoint cp = checkpoint();
        // The backup holds neither the later records nor the later decisions.
        Taken taken = takeAway(later, backup);
        setHead(backup);
        try {
            bothBroken(backup + 1, "older backup", cp);
        } finally {
            putBack(taken, cp);
        }
        bothValid(cp);
    }

    @Test
    void anOlderBackupRestoredAndContinuedIsNamedWhereItDiverges() throws Exception {
        decisions(1);
        long backup = head();
        List<String> later = decisions(2);
        Checkpoint cp = checkpoint();
        Taken taken = takeAway(later, backup);
        setHead(backup);
        List<String> written = new ArrayList<>();
        try {
            // Governor goes on deciding on the restored copy, past the checkpoint's seq: every link
            // and signature is good, only the checkpoint knows that seq had another record.
            written.addAll(decisions((int) (cp.seq() - backup)));
            assertThat(head()).isGreaterThanOrEqualTo(cp.seq());
            bothBroken(backup + 1, "older backup was restored and continued from seq " + backup, cp);
        } finally {
            takeAway(written, backup);
            // A checkpoint the timer may have signed of the restored copy goes with it.
            List<Object> original = taken.records().stream().map(r -> r.get("hash")).toList();
            for (Checkpoint other : checkpoints.all()) {
                if (other.seq() > backup && !original.contains(other.hash())) {
                    sql.exec("DELETE FROM audit_checkpoints WHERE seq = ? AND hash = ?", other.seq(), other.hash());
                    Files.deleteIfExists(file(other));
                }
            }
            putBack(taken, cp);
        }
        bothValid(cp);
    }

    /** Rows and records deleted by {@link #takeAway}, in the order {@link #putBack} inserts them. */
    private record Taken(List<Map<String, Object>> records, List<List<Map<String, Object>>> rows) {
    }

    /** Deletes the decisions {@code ids} (with what hangs off them) and every record after {@code seq}. */
    private Taken takeAway(List<String> ids, long seq) throws Exception {
        List<Map<String, Object>> records = records(seq + 1);
        List<List<Map<String, Object>>> rows = new ArrayList<>();
        for (String table : List.of("budget_usage", "decision_firings", "decisions")) {
            String column = table.equals("decisions") ? "id" : "decision_id";
            List<Map<String, Object>> taken = new ArrayList<>();
            for (String id : ids) {
                taken.addAll(sql.rows("SELECT * FROM " + table + " WHERE " + column + " = ?", UUID.fromString(id)));
                sql.exec("DELETE FROM " + table + " WHERE " + column + " = ?", UUID.fromString(id));
            }
            rows.add(0, taken);
        }
        sql.exec("DELETE FROM audit_log WHERE seq > ?", seq);
        return new Taken(records, rows);
    }

    private void putBack(Taken taken, Checkpoint cp) throws Exception {
        sql.insert("decisions", taken.rows().get(0));
        sql.insert("decision_firings", taken.rows().get(1));
        sql.insert("budget_usage", taken.rows().get(2));
        sql.insert("audit_log", taken.records());
        setHead(cp.seq());
    }

    @Test
    void checkpointsAreListedWithTheKeyAndTheirFilesAreSigned() throws Exception {
        decisions(1);
        Checkpoint cp = checkpoint();
        asAdmin().get("/v1/audit/checkpoints").then().statusCode(200)
                .body("keyId", is(cp.keyId())).body("publicKey", containsString("BEGIN PUBLIC KEY"))
                .body("checkpoints[0].seq", is((int) cp.seq())).body("checkpoints[0].hash", is(cp.hash()))
                .body("checkpoints[0].signature", notNullValue());
        assertThat(Files.readString(file(cp))).contains("\"seq\":" + cp.seq(), cp.hash(), cp.signature());
        asAdmin().get("/v1/audit/verify").then().body("checkpoint.seq", is((int) cp.seq()));
        asAdmin().queryParam("limit", "0").get("/v1/audit/checkpoints").then().statusCode(400)
                .body("violations.field", org.hamcrest.Matchers.hasItem("limit"));

        // A checkpoint row forged in the table, not signed by Governor's key, counts for nothing.
        sql.exec("INSERT INTO audit_checkpoints (seq, hash, at, key_id, signature) VALUES (?, ?, ?, ?, ?)",
                cp.seq() + 1000, "f".repeat(64), cp.at(), cp.keyId(), cp.signature());
        try {
            asAdmin().get("/v1/audit/verify").then().body("valid", is(true)).body("checkpoint.seq", is((int) cp.seq()));
        } finally {
            sql.exec("DELETE FROM audit_checkpoints WHERE seq = ?", cp.seq() + 1000);
        }
    }

    /** A checkpoint of the head now (the timer or the record count may just have written it). */
    private Checkpoint checkpoint() {
        return checkpointer.checkpointNow().orElseGet(() -> {
            List<Checkpoint> all = checkpoints.all();
            return all.get(all.size() - 1);
        });
    }

    private List<String> decisions(int n) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < n; i++) ids.add(Fixtures.decisionId(agent, Fixtures.action("config.update", "sandbox", "cfg/" + i)));
        return ids;
    }

    private long head() throws Exception {
        return sql.number("SELECT last_seq FROM audit_head WHERE id = 1");
    }

    private void setHead(long seq) throws Exception {
        sql.exec("UPDATE audit_head SET last_seq = ?, last_hash = (SELECT hash FROM audit_log WHERE seq = ?) WHERE id = 1",
                seq, seq);
    }

    private List<Map<String, Object>> records(long fromSeq) throws Exception {
        return sql.rows("SELECT " + LOG_COLUMNS + " FROM audit_log WHERE seq >= ? ORDER BY seq", fromSeq);
    }

    private Path file(Checkpoint cp) {
        return checkpoints.directory().resolve(cp.fileName());
    }

    private void bothBroken(long seq, String why, Checkpoint cp) throws Exception {
        asAdmin().get("/v1/audit/verify").then().statusCode(200).body("valid", is(false))
                .body("firstBrokenId", is((int) seq)).body("reason", containsString(why));
        assertThat(offline(cp)).startsWith("1 BROKEN at seq " + seq + ":").contains(why);
    }

    private void bothValid(Checkpoint cp) throws Exception {
        asAdmin().get("/v1/audit/verify").then().statusCode(200).body("valid", is(true));
        assertThat(offline(cp)).startsWith("0 VALID").contains("checkpoint seq " + cp.seq() + " matched");
    }

    private String offline(Checkpoint cp) throws Exception {
        String export = asAdmin().queryParam("format", "ndjson").get("/v1/audit/log").then().statusCode(200)
                .extract().asString();
        Path file = Files.createTempFile("audit-log", ".ndjson");
        try {
            Files.writeString(file, export);
            return VerifyExportAccess.output(file.toString(), "--public-key",
                    Build.path("test-audit-key/signing-key.pub.pem").toString(), "--checkpoint", file(cp).toString());
        } finally {
            Files.deleteIfExists(file);
        }
    }
}
