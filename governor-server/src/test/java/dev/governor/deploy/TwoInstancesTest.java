package dev.governor.deploy;

import dev.governor.Api;
import dev.governor.testing.Build;
import dev.governor.testing.Given;
import dev.governor.testing.RegisteredAgent;
import dev.governor.testing.TestAuth;
import dev.governor.testing.TestUser;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import static dev.governor.testing.Races.race;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;
import static org.hamcrest.Matchers.equalTo;

/**
 * Two Governor processes on one PostgreSQL database: this test's own instance (A) and the packaged
 * jar built for PostgreSQL (B, a child process on the same database). What one decides or changes
 * the other sees at once, because neither keeps any of it in memory: halts, freezes, approvals
 * (given on one, consumed on the other, once), budgets (the limit held exactly under requests split
 * over both), and one audit chain. Rate limits are per instance and are not tested here.
 *
 * <p>B is {@code governor-server/target/quarkus-app-pg/quarkus-run.jar}, built as {@code tools/crash-drill --pg}
 * builds it ({@code .ci/run} does so before the PostgreSQL suite). Without it the test is skipped
 * with that instruction, unless {@code GOVERNOR_REQUIRE_TWO_INSTANCES} is set (CI), where it fails.
 */
@QuarkusTest
@EnabledIfSystemProperty(named = "quarkus.test.profile", matches = ".*pg-test.*",
        disabledReason = "two instances need one shared PostgreSQL database: runs in ./mvnw test -Ppostgresql")
class TwoInstancesTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static Process b;
    private static int bPort;
    private static Path log;

    static Path jar() {
        Path jar = Build.path("quarkus-app-pg", "quarkus-run.jar");
        return Files.isRegularFile(jar) ? jar : null;
    }

    @BeforeAll
    static void startSecondInstance() throws Exception {
        Path jar = jar();
        String missing = "the PostgreSQL jar is not built; build it with: ./mvnw -q package -DskipTests"
                + " -pl governor-server -am -Dquarkus.profile=pg -Dquarkus.package.output-directory=quarkus-app-pg";
        if (System.getenv("GOVERNOR_REQUIRE_TWO_INSTANCES") != null) assertThat(jar).as(missing).isNotNull();
        assumeThat(jar).as(missing).isNotNull();

        var config = ConfigProvider.getConfig();
        String url = config.getValue("quarkus.datasource.jdbc.url", String.class);
        String user = config.getOptionalValue("quarkus.datasource.username", String.class).orElse("postgres");
        Path dir = Files.createDirectories(Build.path("two-instances", String.valueOf(System.nanoTime())));
        log = dir.resolve("instance-b.log");
        try (ServerSocket free = new ServerSocket(0)) {
            bPort = free.getLocalPort();
        }
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dquarkus.profile=pg",
                "-Dquarkus.http.port=" + bPort,
                // the same files as A, so both load the same policy version
                "-Dgovernor.policy.rules-dir=" + Path.of("rules").toAbsolutePath(),
                "-Dgovernor.policy.tables-dir=" + Path.of("decision-tables").toAbsolutePath(),
                "-Dgovernor.policy.tests-dir=" + Path.of("policy-tests").toAbsolutePath(),
                // one chain, one signing key; checkpoints are files of each instance's own
                "-Dgovernor.audit.signing.key-dir=" + Path.of(config.getValue("governor.audit.signing.key-dir", String.class)).toAbsolutePath(),
                "-Dgovernor.audit.checkpoints.dir=" + dir.resolve("checkpoints").toAbsolutePath(),
                "-jar", jar.toAbsolutePath().toString()));
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile());
        pb.environment().put("GOVERNOR_DB_URL", url);
        pb.environment().put("GOVERNOR_DB_USER", user);
        pb.environment().put("GOVERNOR_DB_PASSWORD", "");
        b = pb.start();
        // Bounded wait for readiness (a start, not a measured figure).
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (System.nanoTime() < deadline) {
            assertThat(b.isAlive()).as("instance B exited; see " + log.toAbsolutePath()).isTrue();
            try {
                var ready = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + bPort + "/q/health/ready")).build(),
                        HttpResponse.BodyHandlers.discarding());
                if (ready.statusCode() == 200) return;
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        throw new AssertionError("instance B was not ready within 120 s; see " + log.toAbsolutePath());
    }

    @AfterAll
    static void stopSecondInstance() throws InterruptedException {
        if (b == null) return;
        b.destroy();
        if (!b.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) b.destroyForcibly();
    }

    /** A request to instance B as {@code token}. */
    private static RequestSpecification onB(String token) {
        return RestAssured.given().baseUri("http://127.0.0.1").port(bPort).header("Authorization", "Bearer " + token);
    }

    /** A request to this test's instance A as {@code token}. */
    private static RequestSpecification onA(String token) {
        return TestAuth.as(token);
    }

    private static RequestSpecification on(boolean a, String token) {
        return a ? onA(token) : onB(token);
    }

    private static ExtractableResponse<Response> decide(boolean a, RegisteredAgent agent, Map<String, Object> action,
                                                        Map<String, Object> extra) {
        Map<String, Object> body = new HashMap<>(extra);
        body.put("agentId", agent.id());
        body.putIfAbsent("sessionId", "two-instances");
        body.put("action", action);
        body.put("reasoning", Map.of("goal", "show two instances agree", "rationale", "one database"));
        return on(a, agent.apiKey()).contentType(ContentType.JSON).body(body).post("/v1/decisions").then().extract();
    }

    /** The outcome and reason codes, sent again while the instance answers 503 (busy, not judged). */
    private static String judged(boolean a, RegisteredAgent agent, Map<String, Object> action, Map<String, Object> extra)
            throws InterruptedException {
        for (int attempt = 0; attempt < 50; attempt++) {
            var r = decide(a, agent, action, extra);
            if (r.statusCode() == 200) return r.path("outcome") + " " + r.path("reasons.code");
            assertThat(r.statusCode()).as(r.asString()).isEqualTo(503);
            Thread.sleep(100);
        }
        throw new AssertionError("still 503 after 50 attempts");
    }

    private static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void aHaltDeclaredOnOneDeniesOnTheOtherAndLiftingItThereEndsItHere() {
        RegisteredAgent agent = Api.registerAgent("AUTONOMOUS", List.of("sandbox"), List.of("config:*"));
        var update = Api.action("config.update", "sandbox", 0, 0, 0, "re-apply revision 41");
        assertThat(decide(false, agent, update, Map.of()).<String>path("outcome")).isEqualTo("ALLOW");
        onA(TestAuth.ADMIN_TOKEN).contentType(ContentType.JSON).body(Map.of("reason", "two-instance drill"))
                .post("/v1/halt").then().statusCode(200);
        try {
            var halted = decide(false, agent, update, Map.of());
            assertThat(halted.<String>path("outcome")).as(halted.asString()).isEqualTo("DENY");
            assertThat(halted.<List<String>>path("reasons.code")).contains("GLOBAL_HALT");
            onB(TestAuth.ADMIN_TOKEN).get("/v1/halt").then().statusCode(200).body("reason", equalTo("two-instance drill"));
        } finally {
            onB(TestAuth.ADMIN_TOKEN).delete("/v1/halt").then().statusCode(200);
        }
        assertThat(decide(true, agent, update, Map.of()).<String>path("outcome")).isEqualTo("ALLOW");
    }

    @Test
    void aFreezeCreatedOnOneAppliesOnTheOther() {
        RegisteredAgent agent = Api.registerAgent("AUTONOMOUS", List.of("staging"), List.of("config:*"));
        var update = Api.action("config.update", "staging", 0, 0, 0, "re-apply revision 41");
        String now = OffsetDateTime.now(ZoneOffset.UTC).minusMinutes(1).toString();
        String until = OffsetDateTime.now(ZoneOffset.UTC).plusHours(1).toString();
        String freeze = onA(TestAuth.ADMIN_TOKEN).contentType(ContentType.JSON)
                .body(Map.of("environment", "staging", "from", now, "until", until, "reason", "two-instance drill"))
                .post("/v1/freezes").then().statusCode(201).extract().path("id");
        try {
            var r = decide(false, agent, update, Map.of());
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(r.<List<String>>path("reasons.code")).contains("CODE_FREEZE");
            assertThat(r.<String>path("outcome")).isNotEqualTo("ALLOW");
        } finally {
            onB(TestAuth.ADMIN_TOKEN).delete("/v1/freezes/" + freeze).then().statusCode(200);
        }
        assertThat(decide(true, agent, update, Map.of()).<List<String>>path("reasons.code")).doesNotContain("CODE_FREEZE");
    }

    @Test
    void anApprovalGivenOnOneIsConsumedOnTheOtherExactlyOnce() throws Exception {
        String owner = Given.owner(unique("owner") + "@example.com");
        TestUser approver = Api.approver(unique("approver") + "@example.com");
        RegisteredAgent agent = Given.agent(unique("reroute")).owner(owner).level("ROUTINE")
                .environments(List.of("production")).permissions(List.of("shipment:*")).register();
        var reroute = Api.action("shipment.reroute", "production", 600, 2000, 50000, "reroute back via the original hub");

        var asked = decide(true, agent, reroute, Map.of());
        assertThat(asked.<String>path("outcome")).as(asked.asString()).isEqualTo("REQUIRE_APPROVAL");
        String approval = asked.path("approval.id");
        onB(approver.token()).get("/v1/approvals/" + approval).then().statusCode(200).body("status", equalTo("PENDING"));
        onA(approver.token()).contentType(ContentType.JSON).body(Map.of("comment", "storm confirmed"))
                .post("/v1/approvals/" + approval + "/approve").then().statusCode(200);

        // Both instances at once, four requests each: exactly one consumes it.
        AtomicInteger turn = new AtomicInteger();
        List<String> outcomes = race(8, () -> judged(turn.getAndIncrement() % 2 == 0, agent, reroute,
                Map.of("approvalId", approval)));
        assertThat(outcomes.stream().filter(o -> o.startsWith("ALLOW")).count()).as(outcomes.toString()).isEqualTo(1);
        assertThat(outcomes).filteredOn(o -> !o.startsWith("ALLOW")).allMatch(o -> o.contains("APPROVAL_CONSUMED"));
        onB(approver.token()).get("/v1/approvals/" + approval).then().statusCode(200).body("status", equalTo("CONSUMED"));
    }

    @Test
    void aBudgetHoldsExactlyUnderRequestsSplitOverBoth() throws Exception {
        RegisteredAgent agent = Api.registerAgent("AUTONOMOUS", List.of("production"), List.of("config:*"));
        var small = Api.action("config.update", "production", 1, 0, 0, null);
        AtomicInteger turn = new AtomicInteger();

        List<String> outcomes = race(40, () -> judged(turn.getAndIncrement() % 2 == 0, agent, small, Map.of()));

        // budgets.dmn#budget-production-10m: 20 mutations per 10 minutes in production.
        assertThat(outcomes).hasSize(40);
        assertThat(outcomes.stream().filter(o -> o.startsWith("ALLOW")).count())
                .as(String.valueOf(new java.util.TreeSet<>(outcomes))).isEqualTo(20);
    }

    @Test
    void bothWriteOneValidChainAndServeTheSamePolicyVersion() {
        RegisteredAgent agent = Api.registerAgent("AUTONOMOUS", List.of("sandbox"), List.of("config:*"));
        var update = Api.action("config.update", "sandbox", 0, 0, 0, "re-apply revision 41");
        for (int i = 0; i < 6; i++) assertThat(decide(i % 2 == 0, agent, update, Map.of()).statusCode()).isEqualTo(200);

        var onA = onA(TestAuth.ADMIN_TOKEN).get("/v1/audit/verify").then().statusCode(200).body("valid", equalTo(true)).extract();
        var onB = onB(TestAuth.ADMIN_TOKEN).get("/v1/audit/verify").then().statusCode(200).body("valid", equalTo(true)).extract();
        assertThat(onB.<Integer>path("lastSeq")).isGreaterThanOrEqualTo(onA.<Integer>path("lastSeq"));

        // Each instance reports the version it loaded: a content hash, so the same files give the same version.
        String versionA = onA(TestAuth.ADMIN_TOKEN).get("/v1/policies").then().statusCode(200).extract().path("version");
        String versionB = onB(TestAuth.ADMIN_TOKEN).get("/v1/policies").then().statusCode(200).extract().path("version");
        assertThat(versionB).isNotBlank().isEqualTo(versionA);
    }
}
