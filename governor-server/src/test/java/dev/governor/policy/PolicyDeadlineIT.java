package dev.governor.policy;

import dev.governor.testing.Build;
import dev.governor.policy.engine.DeadlineTest;
import dev.governor.policy.engine.HostilePolicyTest;
import dev.governor.policy.engine.HostilePolicyTest.HostilePolicy;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

/**
 * The packaged jar in a child process (port 18110, a database of its own): a rule that never stops
 * firing is answered DENY / POLICY_ERROR at the deadline, the service answers 100 further
 * decisions, no core keeps burning, and SIGTERM stops it well within 10 s. A hostile policy file
 * stops start-up, naming the file, and leaves no trace.
 */
class PolicyDeadlineIT {

    private static final int PORT = 18110;
    private static final String ADMIN = "gvu_deadline-it-admin-token-0123456789abcdef";

    private Process process;

    @AfterEach
    void stop() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void aLoopingRuleIsDeniedAtTheDeadlineThenTheServiceGoesOnAndStopsOnSigterm() throws Exception {
        Path root = Files.createTempDirectory(Build.dir(), "deadline-it-");
        HostilePolicy.install(Path.of("governor-server/src/test/resources/hostile/drl-while-loop.drl"), root); // copies the shipped policy
        Files.delete(root.resolve("rules/drl-while-loop.drl"));
        Files.copy(DeadlineTest.SPINNING_RULE_FILE, root.resolve("rules/spin.drl"));
        copy(Path.of("policy-tests"), root.resolve("policy-tests"));
        process = start(root, "-Dgovernor.policy.evaluation-timeout=1s", "-Dgovernor.policy.max-rule-firings=2000000000");
        awaitReady();

        admin().body("""
                { "name": "it@example.com", "roles": ["approver"] }""").post("/v1/users").then().statusCode(201);
        String key = admin().body("""
                { "id": "spin-agent", "owner": "it@example.com", "task": "deadline test", "autonomyLevel": "AUTONOMOUS",
                  "environments": ["sandbox"], "permissions": ["*:*"] }""").post("/v1/agents")
                .then().statusCode(201).extract().path("apiKey");

        long start = System.nanoTime();
        agent(key).body(decision("spin.forever")).post("/v1/decisions").then().statusCode(200)
                .body("outcome", equalTo("DENY"))
                .body("reasons.code", hasItem("POLICY_ERROR"))
                .body("reasons.message", hasItem(containsString("evaluation deadline of 1000 ms")));
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));

        for (int i = 0; i < 100; i++) {
            agent(key).body(decision("config.read")).post("/v1/decisions").then().statusCode(200).body("outcome", equalTo("ALLOW"));
        }
        // the halted session does not keep a core busy: well under one core over three seconds
        long before = cpuMillis(process.pid());
        Thread.sleep(3000);
        assertThat(cpuMillis(process.pid()) - before).as("CPU ms used in 3 s after the requests").isLessThan(1500);

        start = System.nanoTime();
        process.destroy(); // SIGTERM
        assertThat(process.waitFor(10, TimeUnit.SECONDS)).as("stopped within 10 s of SIGTERM").isTrue();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
    }

    @Test
    void aHostileFileStopsStartUpNamingItAndNothingRuns() throws Exception {
        for (String name : List.of("drl-processbuilder-fqn.drl", "dmn-literal-external-exit.dmn")) {
            Path root = Files.createTempDirectory(Build.dir(), "hostile-start-");
            HostilePolicy policy = HostilePolicy.install(Path.of("governor-server/src/test/resources/hostile", name), root);
            copy(Path.of("policy-tests"), root.resolve("policy-tests"));
            process = start(root);
            assertThat(process.waitFor(120, TimeUnit.SECONDS)).as(name + ": start-up stops").isTrue();
            assertThat(process.exitValue()).as(name + ": exit code").isNotZero();
            String log = Files.readString(root.resolve("out.log"));
            assertThat(log).as(name + ": the log names the file and the construct").contains(policy.path(), policy.expect());
            HostilePolicyTest.assertNothingRan(HostilePolicy.marker());
        }
    }

    private static Process start(Path root, String... properties) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(List.of(properties));
        command.addAll(List.of("-Dquarkus.http.port=" + PORT,
                "-Dquarkus.datasource.jdbc.url=jdbc:h2:file:" + root.resolve("db/governor")
                        + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH",
                "-jar", Build.path("quarkus-app/quarkus-run.jar").toAbsolutePath().toString()));
        ProcessBuilder pb = new ProcessBuilder(command).directory(root.toFile()).redirectErrorStream(true)
                .redirectOutput(root.resolve("out.log").toFile());
        pb.environment().put("GOVERNOR_BOOTSTRAP_ADMIN_TOKEN", ADMIN);
        return pb.start();
    }

    private void awaitReady() throws InterruptedException {
        long until = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (System.nanoTime() < until) {
            assertThat(process.isAlive()).as("the service is running").isTrue();
            try {
                if (base().get("/q/health/ready").statusCode() == 200) return;
            } catch (Exception e) { // RestAssured throws the ConnectException unchecked
                // not listening yet
            }
            Thread.sleep(500);
        }
        throw new AssertionError("the service did not become ready");
    }

    private static RequestSpecification base() {
        return RestAssured.given().baseUri("http://127.0.0.1").port(PORT);
    }

    private static RequestSpecification admin() {
        return base().header("Authorization", "Bearer " + ADMIN).contentType(ContentType.JSON);
    }

    private static RequestSpecification agent(String key) {
        return base().header("Authorization", "Bearer " + key).contentType(ContentType.JSON);
    }

    private static String decision(String type) {
        return """
                { "agentId": "spin-agent", "sessionId": "it",
                  "action": { "type": "%s", "environment": "sandbox", "target": "svc/x",
                              "impact": { "records": 0, "users": 0, "monetaryValue": 0 } },
                  "reasoning": { "goal": "deadline test" } }""".formatted(type);
    }

    /** utime + stime of the process, from /proc (clock ticks of 10 ms). */
    private static long cpuMillis(long pid) throws IOException {
        String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * 10;
    }

    private static void copy(Path from, Path to) throws IOException {
        Files.createDirectories(to);
        try (var files = Files.list(from)) {
            for (Path f : files.toList()) Files.copy(f, to.resolve(f.getFileName()));
        }
    }
}
