package dev.governor.identity;

import dev.governor.testing.AuditRows;
import dev.governor.testing.Given;
import dev.governor.testing.Metrics;
import dev.governor.testing.Races;
import dev.governor.testing.RegisteredAgent;
import dev.governor.testing.TestAuth;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** A throttled agent leaves one AGENT_THROTTLED audit record per window, and every refusal counts in a metric. */
@QuarkusTest
@TestProfile(ThrottleTraceTest.LowRate.class)
class ThrottleTraceTest {

    /** A burst of 3 and 1 per second, so a flood crosses it; audit windows of 3 s, so a test sees two. */
    public static class LowRate implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("governor.auth.decisions-per-second", "1",
                    "governor.auth.decisions-burst", "3",
                    "governor.auth.throttle-audit-window", "PT3S");
        }
    }

    @Inject
    EntityManager em;

    @Test
    void aFloodingAgentLeavesOneRecordPerWindowAndCountsInTheMetric() throws Exception {
        RegisteredAgent agent = Given.agent("flood-" + UUID.randomUUID().toString().substring(0, 8)).register();
        double before = throttledSoFar();

        long refusedFirst = flood(agent);
        assertThat(refusedFirst).isPositive();
        assertThat(AuditRows.kinds(em, agent.id()).stream().filter("AGENT_THROTTLED"::equals)).hasSize(1);
        assertThat(throttledSoFar() - before).isEqualTo((double) refusedFirst);

        Thread.sleep(3_100); // past the audit window: the next refusal opens a new one
        long refusedSecond = flood(agent);
        assertThat(refusedSecond).isPositive();
        List<String> records = AuditRows.payloads(em, "AGENT_THROTTLED", agent.id());
        assertThat(records).hasSize(2);
        assertThat(records.get(0)).contains("\"reason\":\"decision-rate-limit\"", "\"refusedSinceLastRecord\":1");
        // The second record counts the first window's unrecorded refusals and its own first one.
        assertThat(records.get(1)).contains("\"refusedSinceLastRecord\":" + refusedFirst);
        assertThat(throttledSoFar() - before).isEqualTo((double) (refusedFirst + refusedSecond));
        TestAuth.asAdmin().get("/v1/audit/verify").then().statusCode(200).body("valid", org.hamcrest.Matchers.is(true));
    }

    /** Ten decisions at once: three pass in the burst, the rest are refused; returns how many were refused. */
    private static long flood(RegisteredAgent agent) throws Exception {
        List<Integer> statuses = Races.race(10, () -> TestAuth.as(agent).contentType(ContentType.JSON)
                .body(Map.of("agentId", agent.id(), "action", Map.of("type", "config.update", "environment", "sandbox")))
                .post("/v1/decisions").statusCode());
        assertThat(statuses).allMatch(s -> s == 200 || s == 429);
        return statuses.stream().filter(s -> s == 429).count();
    }

    private static double throttledSoFar() {
        return Metrics.value("governor_throttled_total", "reason", "decision-rate-limit");
    }
}
