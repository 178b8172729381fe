package dev.governor.api;

import dev.governor.testing.Given;
import dev.governor.testing.RegisteredAgent;
import dev.governor.testing.TcpProxy;
import dev.governor.testing.TestAuth;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The database hangs (a TCP proxy between Governor and PostgreSQL stops forwarding) and comes back.
 * While it hangs, callers get 503 problem+json with Retry-After after a bounded wait, never 500,
 * never 401 (a key that could not be looked up is not a wrong key, and is not counted as a failed
 * login), never an answer; readiness says DOWN. Once it is back, readiness says UP and decisions
 * flow again with the same keys. PostgreSQL only: the embedded H2 has no network to hang.
 */
@QuarkusTest
@TestProfile(SickDatabaseTest.ThroughAProxy.class)
@EnabledIfSystemProperty(named = "quarkus.test.profile", matches = ".*pg-test.*")
class SickDatabaseTest {

    /** Bounds generous enough for a loaded machine, tight enough to catch a caller held for the hang. */
    private static final long ANSWER_BOUND_MS = 8_000;
    private static final long RECOVERY_BOUND_MS = 15_000;

    public static class ThroughAProxy implements QuarkusTestProfile {
        static TcpProxy proxy;

        @Override
        public Map<String, String> getConfigOverrides() {
            URI db = URI.create(System.getenv().getOrDefault("GOVERNOR_TEST_DB_URL",
                    "jdbc:postgresql://127.0.0.1:5432/governor_test").substring("jdbc:".length()));
            try {
                if (proxy == null) proxy = new TcpProxy(db.getHost(), db.getPort() < 0 ? 5432 : db.getPort());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return Map.of("quarkus.datasource.jdbc.url", "jdbc:postgresql://127.0.0.1:" + proxy.port() + db.getPath(),
                    // low, so the test shows that lookups the database could not answer are not counted
                    "governor.auth.max-failures", "3",
                    // the hang this test provokes closes connections under open transactions, and the
                    // transaction manager warns with a stack trace for every rollback it then cannot send
                    "quarkus.log.category.\"com.arjuna.ats.jta\".level", "ERROR");
        }
    }

    /** Forwarding again even if the test failed while hung; the app of this profile may still use it. */
    @AfterAll
    static void resumeProxy() {
        ThroughAProxy.proxy.resume();
    }

    @Test
    void aHungDatabaseAnswers503QuicklyAndServiceResumesWhenItReturns() throws Exception {
        TcpProxy proxy = ThroughAProxy.proxy;
        RegisteredAgent agent = Given.agent().level("AUTONOMOUS").environments(List.of("sandbox"))
                .permissions(List.of("config:*")).register();
        assertThat(decide(agent).statusCode()).isEqualTo(200);
        RestAssured.get("/q/health/ready").then().statusCode(200);

        proxy.hang();
        try {
            List<Long> waits = new ArrayList<>();
            for (int i = 0; i < 5; i++) { // past max-failures: none of these may count as a failed login
                Timed<Response> step = timed(() -> decide(agent));
                waits.add(step.millis());
                assertUnavailable(step.value());
            }
            Timed<Response> admin = timed(() -> TestAuth.asAdmin().get("/v1/agents"));
            assertUnavailable(admin.value());
            Timed<Response> ready = timed(() -> RestAssured.get("/q/health/ready"));
            assertThat(ready.value().statusCode()).as(ready.value().asString()).isEqualTo(503);
            assertThat(ready.value().asString()).contains("DOWN");
            waits.add(admin.millis());
            waits.add(ready.millis());
            System.out.println("SickDatabaseTest: ms per answer while the database hung " + waits);
            assertThat(waits).allMatch(ms -> ms < ANSWER_BOUND_MS);
        } finally {
            proxy.resume();
        }

        long back = System.nanoTime();
        int status = 0;
        while (System.nanoTime() - back < RECOVERY_BOUND_MS * 1_000_000) {
            status = RestAssured.get("/q/health/ready").statusCode();
            if (status == 200) break;
            Thread.sleep(200);
        }
        System.out.println("SickDatabaseTest: ready again after " + (System.nanoTime() - back) / 1_000_000 + " ms");
        assertThat(status).as("readiness after the database returned").isEqualTo(200);
        Response after = decide(agent);
        if (after.statusCode() == 503) after = decide(agent); // one connection the hang broke may remain
        assertThat(after.statusCode()).as("the same key works again, not locked out: " + after.asString()).isEqualTo(200);
    }

    private static void assertUnavailable(Response r) {
        assertThat(r.statusCode()).as(r.asString()).isEqualTo(503);
        assertThat(r.contentType()).startsWith("application/problem+json");
        assertThat(r.header("Retry-After")).isNotBlank();
        assertThat(r.asString()).doesNotContain("decisionId").doesNotContain("Exception");
    }

    private static Response decide(RegisteredAgent agent) {
        return TestAuth.as(agent).contentType(ContentType.JSON)
                .body(Map.of("agentId", agent.id(), "sessionId", "sick-1",
                        "action", Map.of("type", "config.update", "environment", "sandbox", "target", "cfg/x",
                                "impact", Map.of("records", 1), "rollbackPlan", "restore the previous value")))
                .post("/v1/decisions");
    }

    private record Timed<T>(T value, long millis) {
    }

    private static <T> Timed<T> timed(Supplier<T> call) {
        long start = System.nanoTime();
        T value = call.get();
        return new Timed<>(value, (System.nanoTime() - start) / 1_000_000);
    }
}
