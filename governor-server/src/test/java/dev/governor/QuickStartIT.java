package dev.governor;

import dev.governor.testing.Build;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;

/**
 * The README's quick start against the packaged application ({@code target/quarkus-app}, run by
 * failsafe in {@code ./mvnw verify}): the default profile, an embedded H2 file database of its own,
 * the administrator token chosen through {@code GOVERNOR_BOOTSTRAP_ADMIN_TOKEN}. Every request
 * names its caller.
 */
@QuarkusIntegrationTest
@WithTestResource(QuickStartIT.FirstStart.class)
class QuickStartIT {

    static final String ADMIN = "gvu_quick-start-admin-token-0123456789abcdef";

    /** A first start: a database no earlier run has touched, so the bootstrap administrator is created. */
    public static class FirstStart implements QuarkusTestResourceLifecycleManager {
        @Override
        public Map<String, String> start() {
            String run = Build.path("quick-start-it", String.valueOf(System.nanoTime())).toString();
            return Map.of(
                    "GOVERNOR_BOOTSTRAP_ADMIN_TOKEN", ADMIN,
                    "quarkus.datasource.jdbc.url", "jdbc:h2:file:" + run
                            + "/governor;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH",
                    "governor.audit.signing.key-dir", run + "/audit-key",
                    "governor.audit.checkpoints.dir", run + "/audit-checkpoints");
        }

        @Override
        public void stop() {
        }
    }

    @Test
    void registeredAgentIsDeniedWhatItHasNoPermissionFor() {
        given().header("Authorization", "Bearer " + ADMIN).contentType(ContentType.JSON)
                .body("{\"name\": \"alice@example.com\", \"roles\": [\"approver\"]}")
                .post("/v1/users").then().statusCode(201);
        String key = given().header("Authorization", "Bearer " + ADMIN).contentType(ContentType.JSON).body("""
                        { "id": "config-fixer", "owner": "alice@example.com",
                          "task": "Fix configuration errors in the payments service",
                          "autonomyLevel": "ROUTINE", "environments": ["sandbox", "production"],
                          "permissions": ["config:*", "service:read"] }""")
                .post("/v1/agents")
                .then().statusCode(201).body("apiKey", startsWith("gvk_"))
                .extract().path("apiKey");

        given().header("Authorization", "Bearer " + key).contentType(ContentType.JSON).body("""
                        { "agentId": "config-fixer", "sessionId": "run-42",
                          "action": { "type": "environment.delete", "environment": "production",
                                      "target": "env/payments-prod",
                                      "impact": { "records": 0, "users": 4000, "monetaryValue": 0 },
                                      "rollbackPlan": "recreate from snapshot snap-123" },
                          "reasoning": { "goal": "fix the payments config", "rationale": "recreating is fastest" } }""")
                .post("/v1/decisions")
                .then().statusCode(200)
                .body("outcome", equalTo("DENY"))
                .body("reasons.code", hasItem("PERMISSION_NOT_GRANTED"))
                .body("reasons.source", hasItem(startsWith("rules/permissions.drl#")));
    }
}
