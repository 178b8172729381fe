package dev.governor.audit;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static dev.governor.audit.AuditTamperTest.broken;
import static dev.governor.audit.AuditTamperTest.unbound;
import static dev.governor.audit.AuditTamperTest.valid;
import static dev.governor.testing.TestAuth.asAdmin;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The asset registry is in the chain: each change made through the API is a record binding the
 * asset's row, and a change made by SQL (a tier lowered, a deletion undone, a row added) is
 * reported by both verifiers. Every test undoes its change.
 */
@QuarkusTest
class AssetAuditTest {

    @Inject
    AgroalDataSource db;
    Sql sql;

    @BeforeEach
    void sql() {
        sql = new Sql(db);
    }

    private static String target(String name) {
        return "asset-audit/" + UUID.randomUUID() + "/" + name;
    }

    private static Map<String, Object> body(String target, String tier) {
        return Map.of("target", target, "tier", tier, "dataClass", "CREDENTIALS", "criticality", "CRITICAL",
                "ownerTeam", "security", "exposure", Map.of("records", 10));
    }

    private static String create(String target) {
        return asAdmin().contentType("application/json").body(body(target, "PRODUCTION")).post("/v1/assets")
                .then().statusCode(201).extract().path("id");
    }

    private long latest(String kind, String subject) throws Exception {
        return sql.number("SELECT MAX(seq) FROM audit_log WHERE kind = ? AND subject_id = ?", kind, subject);
    }

    /** {@code tamper} (SQL with the asset's id as its one parameter) is reported at record {@code seq}; {@code undo} puts it back. */
    private void reported(long seq, String id, String tamper, String undo) throws Exception {
        sql.exec(tamper, UUID.fromString(id));
        try {
            broken(seq, "asset " + id);
        } finally {
            sql.exec(undo, UUID.fromString(id));
        }
        valid();
    }

    @Test
    void everyChangeIsARecordByTheCallerAndTheChainStaysValid() throws Exception {
        String id = create(target("a"));
        asAdmin().contentType("application/json").body(body(target("b"), "STAGING")).put("/v1/assets/{id}", id)
                .then().statusCode(200);
        asAdmin().delete("/v1/assets/{id}", id).then().statusCode(204);
        String imported = asAdmin().contentType("text/csv; charset=UTF-8")
                .body("target,tier,dataClass,criticality,ownerTeam\n" + target("c") + ",SANDBOX,PUBLIC,LOW,web\n")
                .post("/v1/assets/import").then().statusCode(200).extract().path("assets[0].id");
        assertThat(sql.strings("SELECT kind FROM audit_log WHERE subject_id = ? ORDER BY seq", id))
                .containsExactly("ASSET_CREATED", "ASSET_UPDATED", "ASSET_DELETED");
        assertThat(sql.strings("SELECT DISTINCT actor FROM audit_log WHERE subject_id = ?", id)).containsExactly("admin");
        String payload = sql.one("SELECT payload FROM audit_log WHERE kind = 'ASSETS_IMPORTED' AND payload LIKE ?",
                "%" + imported + "%");
        assertThat(payload).contains("\"binds\":", "\"kind\":\"asset\"", imported, "\"created\":1");
        valid();
    }

    @Test
    void aTierLoweredBySqlIsReportedAtTheLatestRecordAboutTheAsset() throws Exception {
        String id = create(target("prod-db*"));
        asAdmin().contentType("application/json").body(body(target("prod-db*"), "PRODUCTION")).put("/v1/assets/{id}", id)
                .then().statusCode(200);
        reported(latest("ASSET_UPDATED", id), id, "UPDATE assets SET tier = 'SANDBOX' WHERE id = ?",
                "UPDATE assets SET tier = 'PRODUCTION' WHERE id = ?");
    }

    @Test
    void aPatternWidenedBySqlIsReported() throws Exception {
        String id = create(target("narrow"));
        String like = sql.one("SELECT like_pattern FROM assets WHERE id = ?", UUID.fromString(id));
        reported(latest("ASSET_CREATED", id), id, "UPDATE assets SET like_pattern = '%' WHERE id = ?",
                "UPDATE assets SET like_pattern = '" + like.replace("'", "''") + "' WHERE id = ?");
    }

    @Test
    void aDeletionUndoneBySqlIsReportedAtTheDeletion() throws Exception {
        String t = target("gone");
        String id = create(t);
        asAdmin().delete("/v1/assets/{id}", id).then().statusCode(204);
        sql.exec("UPDATE assets SET deleted_at = NULL, live_target = target WHERE id = ?", UUID.fromString(id));
        asAdmin().get("/v1/assets/{id}", id).then().statusCode(200); // what a reader now sees
        sql.exec("UPDATE assets SET deleted_at = updated_at, live_target = NULL WHERE id = ?", UUID.fromString(id));
        reported(latest("ASSET_DELETED", id), id,
                "UPDATE assets SET deleted_at = NULL, live_target = target WHERE id = ?",
                "UPDATE assets SET deleted_at = updated_at, live_target = NULL WHERE id = ?");
    }

    @Test
    void anAssetInsertedBySqlIsNamedAsBoundByNoRecord() throws Exception {
        String id = create(target("real"));
        Map<String, Object> row = sql.rows("SELECT * FROM assets WHERE id = ?", UUID.fromString(id)).get(0);
        UUID forged = UUID.randomUUID();
        String forgedTarget = target("forged");
        row.put("id", forged);
        row.put("target", forgedTarget);
        row.put("live_target", forgedTarget);
        row.put("like_pattern", forgedTarget);
        sql.insert("assets", List.of(row));
        try {
            asAdmin().get("/v1/assets/{id}", forged).then().statusCode(200);
            unbound("asset " + forged);
        } finally {
            sql.exec("DELETE FROM assets WHERE id = ?", forged);
        }
        valid();
    }
}
