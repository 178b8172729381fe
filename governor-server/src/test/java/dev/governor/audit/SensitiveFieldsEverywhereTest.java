package dev.governor.audit;

import dev.governor.testing.Given;
import dev.governor.testing.RegisteredAgent;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static dev.governor.testing.TestAuth.as;
import static dev.governor.testing.TestAuth.asAdmin;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.is;

/**
 * Sensitive fields are masked everywhere Governor shows or stores them: every response of every
 * endpoint that returns a request or derives text from it, and every column of every table. The
 * values are distinctive, so any copy of them, in any form the policy may quote, is found.
 */
@QuarkusTest
@TestProfile(SensitiveFieldsTest.Redacting.class)
class SensitiveFieldsEverywhereTest {

    private static final String PROMPT = "PROMPT-SECRET-5c2e91";
    private static final String TARGET = "cfg/TARGET-SECRET-a71f03";
    private static final String VALUE = "-123456.789";
    private static final List<String> SECRETS = List.of(PROMPT, "TARGET-SECRET-a71f03", "123456.789");

    @Inject
    AgroalDataSource db;

    @Test
    void noResponseAndNoColumnHoldsASensitiveValue() throws Exception {
        RegisteredAgent agent = Given.agent().environments("sandbox", "production").permissions("*:*").register();
        List<String> shown = new ArrayList<>();

        // A decision whose reasons quote the input's value (below the plausible minimum).
        Map<String, Object> quoted = request(agent, Fixtures.action("config.update", "sandbox", TARGET));
        String decision = post(shown, agent, "/v1/decisions", quoted).path("decisionId");
        assertThat(shown.get(0)).contains("DATA_ANOMALY").contains("hmac-sha256:");
        // A decision that opens an approval, which an approver reads and approves.
        Map<String, Object> drop = Fixtures.action("database.drop", "production", TARGET);
        drop.put("impact", Map.of("records", 5000));
        String approval = post(shown, agent, "/v1/decisions", request(agent, drop)).path("approval.id");
        // A plan whose steps carry the same fields.
        Map<String, Object> plan = new java.util.HashMap<>(request(agent, null));
        plan.remove("action");
        plan.remove("inputs");
        plan.put("steps", List.of(Map.of("action", Fixtures.action("config.update", "sandbox", TARGET),
                "inputs", request(agent, null).get("inputs"))));
        String planId = post(shown, agent, "/v1/plans", plan).path("planId");

        var approver = Given.user("masking-approver").roles("approver").create();
        shown.add(as(approver).get("/v1/approvals").then().statusCode(200).extract().asString());
        shown.add(as(approver).get("/v1/approvals/{id}", approval).then().statusCode(200).extract().asString());
        shown.add(as(approver).contentType(ContentType.JSON).body(Map.of("comment", "ok"))
                .post("/v1/approvals/{id}/approve", approval).then().statusCode(200).extract().asString());
        for (String path : List.of("/v1/decisions/" + decision, "/v1/decisions/" + decision + "/trace",
                "/v1/plans/" + planId, "/v1/audit/decisions", "/v1/audit/decisions?format=csv",
                "/v1/audit/rule-firings", "/v1/audit/rule-firings?format=csv", "/v1/audit/log",
                "/v1/audit/log?format=csv", "/v1/audit/verify")) {
            shown.add(asAdmin().get(path).then().statusCode(200).extract().asString());
        }
        for (String body : shown) {
            for (String secret : SECRETS) assertThat(body).doesNotContain(secret);
        }
        assertThat(String.join("\n", shown)).contains("hmac-sha256:");

        List<String> leaks = new ArrayList<>();
        Sql sql = new Sql(db);
        List<String> tables = sql.strings("SELECT LOWER(table_name) FROM information_schema.tables "
                + "WHERE LOWER(table_schema) = 'public' AND LOWER(table_type) IN ('table', 'base table')");
        assertThat(tables).contains("decisions", "decision_firings", "approvals", "approval_events", "plans",
                "audit_log", "budget_usage");
        for (String table : tables) {
            for (Map<String, Object> row : sql.rows("SELECT * FROM " + table)) {
                row.forEach((column, value) -> {
                    for (String secret : SECRETS) {
                        if (value != null && value.toString().contains(secret)) leaks.add(table + "." + column);
                    }
                });
            }
        }
        assertThat(leaks).as("columns holding a sensitive value").isEmpty();
        asAdmin().get("/v1/audit/verify").then().body("valid", is(true));
    }

    /** A decision request with every sensitive field set; {@code action} null leaves it out. */
    private static Map<String, Object> request(RegisteredAgent agent, Map<String, Object> action) {
        Map<String, Object> body = new java.util.HashMap<>();
        body.put("agentId", agent.id());
        if (action != null) body.put("action", action);
        body.put("reasoning", Map.of("goal", "fix config", "prompt", PROMPT));
        body.put("inputs", List.of(Map.of("source", "inventory-db", "metric", "stock.sku-1",
                "value", new java.math.BigDecimal(VALUE), "observedAt", OffsetDateTime.now(ZoneOffset.UTC).toString())));
        return body;
    }

    private static io.restassured.response.ExtractableResponse<io.restassured.response.Response> post(
            List<String> shown, RegisteredAgent agent, String path, Object body) {
        var response = as(agent).contentType(ContentType.JSON).body(body).post(path).then().extract();
        assertThat(response.statusCode()).as(path + ": " + response.asString()).isIn(200, 201);
        shown.add(response.asString());
        return response;
    }
}
