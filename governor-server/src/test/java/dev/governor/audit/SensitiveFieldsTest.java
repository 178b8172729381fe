package dev.governor.audit;

import dev.governor.testing.RegisteredAgent;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static dev.governor.testing.TestAuth.asAdmin;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.startsWith;

/** Listed fields are stored as keyed hashes; an auditor can check a known value against them. */
@QuarkusTest
@TestProfile(SensitiveFieldsTest.Redacting.class)
class SensitiveFieldsTest {

    public static class Redacting implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("governor.audit.sensitive-fields", "reasoning.prompt,action.target,inputs[].value",
                    "governor.audit.hmac-key", "test-key-0123456789-0123456789-0123456789");
        }
    }

    @Test
    void sensitiveValuesAreStoredAsKeyedHashesAndTheRestIsUntouched() {
        RegisteredAgent agent = Fixtures.agent("ROUTINE", List.of("sandbox"), List.of("config:*"));
        var inputs = List.of(Map.of("source", "inventory-db", "metric", "stock.sku-1", "value", 40,
                "observedAt", java.time.OffsetDateTime.now(java.time.ZoneOffset.UTC).toString()));
        String id = Fixtures.decide(agent, Fixtures.action("config.update", "sandbox", "cfg/secret-target"),
                Map.of("inputs", inputs)).statusCode(200).extract().path("decisionId");

        String promptHash = hash("\"the secret prompt\"");
        String targetHash = hash("\"cfg/secret-target\"");
        assertThat(promptHash).startsWith("hmac-sha256:").hasSize("hmac-sha256:".length() + 64);
        asAdmin().get("/v1/decisions/{id}", id).then().statusCode(200)
                .body("request.reasoning.prompt", is(promptHash))
                .body("request.action.target", is(targetHash))
                .body("request.inputs[0].value", is(hash("40")))
                .body("facts.action.target", is(targetHash))
                .body("request.reasoning.goal", is("fix config"))
                .body("request.inputs[0].source", is("inventory-db"));

        String log = asAdmin().queryParam("format", "ndjson").get("/v1/audit/log").asString();
        assertThat(log).doesNotContain("the secret prompt").doesNotContain("cfg/secret-target").contains(promptHash);
        asAdmin().get("/v1/audit/verify").then().body("valid", is(true));
    }

    @Test
    void theHashEndpointValidatesItsInput() {
        asAdmin().contentType(ContentType.JSON).body("{}").post("/v1/audit/hash").then().statusCode(400);
        asAdmin().contentType(ContentType.JSON).body("{\"value\": null}").post("/v1/audit/hash").then().statusCode(400);
        asAdmin().contentType(ContentType.JSON).body("{\"value\": {\"b\": 1, \"a\": 2}}").post("/v1/audit/hash").then()
                .statusCode(200).body("hash", startsWith("hmac-sha256:"));
    }

    private static String hash(String valueJson) {
        return asAdmin().contentType(ContentType.JSON).body("{\"value\": " + valueJson + "}").post("/v1/audit/hash")
                .then().statusCode(200).extract().path("hash");
    }
}
