package dev.governor.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.governor.testing.Given;
import dev.governor.testing.RegisteredAgent;
import dev.governor.testing.TestAuth;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Hostile requests for every operation Governor publishes in {@code /q/openapi}: path and query
 * parameters and JSON bodies built from the published schemas by a seeded generator, filled with control
 * characters, wrong types, out-of-range numbers and dates, deep nesting, wrong content types. Every
 * answer must be below 500, every refusal problem+json, and a refused request must store nothing.
 * {@code -Dfuzz.per-operation=N} (default 12) sets how many requests each operation gets,
 * {@code -Dfuzz.seed=S} runs another sequence (the default seed is fixed, so CI repeats itself).
 */
@QuarkusTest
class OpenApiFuzzTest {

    private static final int PER_OPERATION = Integer.getInteger("fuzz.per-operation", 12);
    private static final long SEED = Long.getLong("fuzz.seed", 20261202L); // fixed, so CI is repeatable; other seeds explore
    /** Rows a request may add; a refused one must add none. audit_head and checkpoints move on their own. */
    private static final List<String> TABLES = List.of("agents", "agent_environments", "agent_permissions", "freezes",
            "decisions", "decision_firings", "approvals", "approval_events", "plans", "plan_steps", "budget_usage",
            "audit_log", "decision_outcomes", "agent_keys", "users", "global_halt", "policy_loads", "assets");
    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    DataSource db;

    private final Random random = new Random(SEED);

    private static final List<String> KNOWN_BAD = List.of("", " ", "\u0000", "null", "../../etc/passwd",
            "' OR 1=1 --", "%00", "\uD83D\uDCA5", "\uFFFF", "-1", "0", "99999999999999999999999", "1e309", "NaN",
            "+999999999-12-31T23:59:59Z", "-999999999-01-01T00:00:00Z", "2026-13-45T99:99:99Z", "P99999999999D", "true",
            "00000000-0000-0000-0000-000000000000", "ALLOW", "agent:x", "system", "*:*", "a".repeat(5000));

    @AfterEach
    void liftHalt() {
        TestAuth.asAdmin().delete("/v1/halt");
    }

    @Test
    void everyPublishedOperationSurvivesHostileRequests() throws Exception {
        JsonNode spec = JSON.readTree(RestAssured.given().queryParam("format", "json").get("/q/openapi").asString());
        RegisteredAgent agent = Given.agent().register();
        List<String> failures = new ArrayList<>();
        int sent = 0;
        for (Iterator<Map.Entry<String, JsonNode>> paths = spec.path("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            if (!path.getKey().startsWith("/v1/")) continue;
            for (Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().fields(); ops.hasNext(); ) {
                Map.Entry<String, JsonNode> op = ops.next();
                if (!List.of("get", "post", "put", "delete", "patch").contains(op.getKey())) continue;
                for (int i = 0; i < PER_OPERATION; i++) {
                    sent++;
                    String failure = attack(spec, path.getKey(), path.getValue(), op.getKey(), op.getValue(), agent);
                    if (failure != null && failures.size() < 30) failures.add(failure);
                }
            }
        }
        assertThat(sent).as("operations found in /q/openapi").isGreaterThanOrEqualTo(30 * PER_OPERATION);
        assertThat(failures).as("seed " + SEED + " (-Dfuzz.seed to replay)").isEmpty();
    }

    /** One hostile request; the reason it broke a promise, or null. */
    private String attack(JsonNode spec, String template, JsonNode pathItem, String method, JsonNode op,
                          RegisteredAgent agent) throws Exception {
        RequestSpecification request = random.nextInt(5) == 0 ? TestAuth.as(agent) : TestAuth.asAdmin();
        List<JsonNode> parameters = new ArrayList<>();
        pathItem.path("parameters").forEach(parameters::add);
        op.path("parameters").forEach(parameters::add);
        for (JsonNode p : parameters) {
            String name = p.path("name").asText();
            if ("path".equals(p.path("in").asText())) {
                request = request.pathParam(name, hostile());
            } else if ("query".equals(p.path("in").asText()) && random.nextBoolean()) {
                request = request.queryParam(name, hostile());
            }
        }
        String body = null;
        if (op.has("requestBody") || random.nextInt(4) == 0) {
            JsonNode schema = resolve(spec, op.path("requestBody").path("content").elements().hasNext()
                    ? op.path("requestBody").path("content").elements().next().path("schema") : JSON.createObjectNode());
            body = random.nextInt(8) == 0 ? hostile() : JSON.writeValueAsString(value(spec, schema, 0));
            String contentType = switch (random.nextInt(10)) {
                case 0 -> "text/plain";
                case 1 -> "application/json; charset=UTF-16";
                case 2 -> "application/xml";
                default -> "application/json";
            };
            request = request.contentType(contentType).body(body.getBytes(StandardCharsets.UTF_8));
        }
        long before = rows();
        Response r = request.request(method.toUpperCase(), template);
        String what = method.toUpperCase() + " " + template + " → " + r.statusCode() + " body " + abbreviate(body)
                + " answer " + abbreviate(r.asString());
        if (r.statusCode() >= 500) return what;
        if (r.statusCode() >= 400) {
            if (r.contentType() == null || !r.contentType().startsWith("application/problem+json")) return "not problem+json: " + what;
            // A refused policy reload is recorded on purpose (policy_loads and the audit chain).
            if (!template.equals("/v1/policies/reload") && rows() != before) return "stored although refused: " + what;
        }
        return null;
    }

    /** Any UTF-16 text (lone surrogates too), control characters between letters, or a known troublemaker. */
    private String hostile() {
        switch (random.nextInt(3)) {
            case 0 -> {
                char[] chars = new char[random.nextInt(41)];
                for (int i = 0; i < chars.length; i++) chars[i] = (char) random.nextInt(0x10000);
                return new String(chars);
            }
            case 1 -> {
                StringBuilder control = new StringBuilder("x");
                for (int i = 1 + random.nextInt(5); i > 0; i--) control.append((char) random.nextInt(0x20));
                return control.append('y').toString();
            }
            default -> {
                return KNOWN_BAD.get(random.nextInt(KNOWN_BAD.size()));
            }
        }
    }

    /** A value for a schema: mostly the right shape with hostile leaves, sometimes the wrong type. */
    private Object value(JsonNode spec, JsonNode schema, int depth) {
        schema = resolve(spec, schema);
        if (depth > 3 || random.nextInt(6) == 0) return leaf();
        if (schema.has("properties")) {
            Map<String, Object> object = new LinkedHashMap<>();
            schema.path("properties").fields().forEachRemaining(p -> {
                if (random.nextInt(3) > 0) object.put(p.getKey(), value(spec, p.getValue(), depth + 1));
            });
            if (random.nextInt(5) == 0) object.put(hostile(), leaf()); // an unknown field
            return object;
        }
        if ("array".equals(schema.path("type").asText())) {
            List<Object> list = new ArrayList<>();
            for (int i = random.nextInt(4); i > 0; i--) list.add(value(spec, schema.path("items"), depth + 1));
            return list;
        }
        if (schema.has("enum") && random.nextBoolean()) {
            JsonNode values = schema.path("enum");
            return values.get(random.nextInt(values.size())).asText();
        }
        return leaf();
    }

    private Object leaf() {
        return switch (random.nextInt(9)) {
            case 0 -> null;
            case 1 -> random.nextBoolean();
            case 2 -> random.nextLong();
            case 3 -> new java.math.BigDecimal("1e400");
            case 4 -> -random.nextDouble() * 1e12;
            case 5 -> List.of(hostile());
            case 6 -> Map.of(hostile(), hostile());
            default -> hostile();
        };
    }

    private static JsonNode resolve(JsonNode spec, JsonNode schema) {
        for (int i = 0; i < 5 && schema.has("$ref"); i++) {
            String ref = schema.path("$ref").asText();
            schema = spec.at(ref.substring(1));
        }
        if (schema.has("allOf")) return resolve(spec, schema.path("allOf").path(0));
        return schema;
    }

    private long rows() throws Exception {
        StringBuilder sql = new StringBuilder("SELECT ");
        for (int i = 0; i < TABLES.size(); i++) sql.append(i == 0 ? "" : " + ").append("(SELECT count(*) FROM ").append(TABLES.get(i)).append(")");
        try (Connection c = db.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql.toString())) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static String abbreviate(String s) {
        if (s == null) return "none";
        String printable = s.replaceAll("\\p{Cntrl}", "·");
        return printable.length() > 300 ? printable.substring(0, 300) + "…" : printable;
    }
}
