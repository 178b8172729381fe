package dev.governor.decision;

import dev.governor.testing.RegisteredAgent;
import dev.governor.testing.TestAuth;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.List;

import static dev.governor.Api.action;
import static dev.governor.Api.decide;
import static dev.governor.Api.registerAgent;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Someone else holds the agent's row lock (a stuck transaction, an operator's open session): the
 * agent's next step must not wait for it. Governor gives up after its lock timeout and answers 503
 * problem+json with Retry-After, stores no decision, and judges the step normally once the lock is
 * gone. Runs on H2 and PostgreSQL.
 */
@QuarkusTest
class HeldLockTest {

    @Inject
    DataSource db;

    @Test
    void aStepBehindAHeldAgentLockIsRefusedWith503AndNotStored() throws Exception {
        RegisteredAgent agent = registerAgent("AUTONOMOUS", List.of("sandbox"), List.of("config:*"));
        var step = action("config.update", "sandbox", 1, 0, 0, "restore the previous value");
        long before = decisionsOf(agent);

        ExtractableResponse<Response> refused;
        long tookMillis;
        try (Connection holder = db.getConnection()) {
            holder.setAutoCommit(false);
            try (PreparedStatement lock = holder.prepareStatement("SELECT id FROM agents WHERE id = ? FOR UPDATE")) {
                lock.setString(1, agent.id());
                lock.executeQuery().close();
            }
            long start = System.nanoTime();
            refused = decide(agent, step).extract();
            tookMillis = (System.nanoTime() - start) / 1_000_000;
            holder.rollback();
        }

        assertThat(refused.statusCode()).as(refused.asString()).isEqualTo(503);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.header("Retry-After")).isEqualTo("2");
        assertThat(refused.asString()).doesNotContain("Exception").doesNotContain("at dev.governor");
        // The lock timeout is 1.5 s; the bound leaves room for a loaded machine and only catches
        // a caller left waiting for the lock holder (who here would hold it for ever).
        assertThat(tookMillis).as("ms the refused step waited").isLessThan(10_000);
        assertThat(decisionsOf(agent)).as("a refused step stores no decision").isEqualTo(before);

        String outcome = decide(agent, step).statusCode(200).extract().path("outcome");
        assertThat(outcome).isEqualTo("ALLOW");
        assertThat(decisionsOf(agent)).isEqualTo(before + 1);
    }

    private static long decisionsOf(RegisteredAgent agent) {
        String csv = TestAuth.asAdmin().queryParam("agentId", agent.id()).queryParam("format", "csv")
                .get("/v1/audit/decisions").then().statusCode(200).extract().asString();
        return csv.lines().skip(1).filter(l -> !l.isBlank()).count();
    }
}
