package dev.governor.identity;

import dev.governor.testing.Given;
import dev.governor.testing.RegisteredAgent;
import dev.governor.testing.TestAuth;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import static dev.governor.testing.TestAuth.asAdmin;
import static org.assertj.core.api.Assertions.assertThat;

/** Throttling over HTTP, with limits low enough to cross, and no secret in any log line. */
@QuarkusTest
@TestProfile(AbuseLimitsTest.LowLimits.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AbuseLimitsTest {

    public static class LowLimits implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("governor.auth.decisions-per-second", "1",
                    "governor.auth.decisions-burst", "3",
                    "governor.auth.max-failures", "3");
        }
    }

    private static RegisteredAgent registerAgent() {
        return Given.agent("busy-" + UUID.randomUUID().toString().substring(0, 8)).register();
    }

    @Test
    @Order(1)
    void aThrottledAgentGets429NeverAnAnswer() {
        RegisteredAgent agent = registerAgent();
        List<Response> answers = new ArrayList<>();
        // 3 in the burst plus 1 per second: 20 calls in a row cannot all pass unless they take > 17 s.
        for (int i = 0; i < 20; i++) {
            answers.add(TestAuth.as(agent).contentType(ContentType.JSON)
                    .body(Map.of("agentId", agent.id(), "action", Map.of("type", "config.update", "environment", "sandbox")))
                    .post("/v1/decisions"));
        }
        List<Response> throttled = answers.stream().filter(r -> r.statusCode() == 429).toList();
        assertThat(throttled).isNotEmpty();
        for (Response r : throttled) {
            assertThat(r.contentType()).startsWith("application/problem+json");
            assertThat(r.header("Retry-After")).isNotBlank();
            assertThat(r.asString()).doesNotContain("ALLOW").doesNotContain("decisionId");
        }
        assertThat(answers).allMatch(r -> r.statusCode() == 200 || r.statusCode() == 429);
    }

    /** Runs last: once blocked, this test's address stays blocked for the rest of the window. */
    @Test
    @Order(2)
    void repeatedFailedAuthenticationsAreSlowedDownWithoutEchoingSecrets() {
        List<String> logged = new ArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                logged.add(String.valueOf(record.getMessage()) + " " + java.util.Arrays.toString(record.getParameters()));
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger root = Logger.getLogger("");
        root.addHandler(capture);
        try {
            RegisteredAgent agent = registerAgent();
            String realKey = agent.apiKey();
            TestAuth.as(realKey).contentType(ContentType.JSON)
                    .body(Map.of("agentId", agent.id(), "action", Map.of("type", "config.read", "environment", "sandbox")))
                    .post("/v1/decisions").then().statusCode(200);
            TestAuth.as(realKey).post("/v1/agents/{id}/keys/rotate", agent.id()).then().statusCode(403);
            asAdmin().post("/v1/policies/reload").then().statusCode(200); // logs the version it loaded
            List<Integer> statuses = new ArrayList<>();
            String guess = "gvk_guessed-key-" + UUID.randomUUID();
            for (int i = 0; i < 6; i++) {
                statuses.add(TestAuth.as(guess).get("/v1/agents").statusCode());
            }
            assertThat(statuses.subList(0, 3)).containsOnly(401);
            assertThat(statuses).contains(429);
            // The block is keyed on address and credential: a valid key from the same address
            // (another caller behind the same proxy) still gets through.
            TestAuth.as(realKey).contentType(ContentType.JSON)
                    .body(Map.of("agentId", agent.id(), "action", Map.of("type", "config.read", "environment", "sandbox")))
                    .post("/v1/decisions").then().statusCode(200);

            assertThat(logged).as("the capture sees the service's log").isNotEmpty();
            assertThat(logged).noneMatch(line -> line.contains(guess))
                    .noneMatch(line -> line.contains(realKey))
                    .noneMatch(line -> line.contains(TestAuth.ADMIN_TOKEN));
        } finally {
            root.removeHandler(capture);
        }
    }
}
