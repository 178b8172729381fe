/*
 * Crash drill: is every acknowledged decision still there after kill -9?
 *
 * Starts the packaged service (governor-server/target/quarkus-app/quarkus-run.jar) as a child process, loads it
 * with decisions from several threads, kills it with SIGKILL at a random moment, starts it again on
 * the same database and checks that every decision it answered 200 for is stored with the outcome it
 * answered, and that the audit chain still verifies. Repeats --runs times on one database.
 *
 * On the embedded default the child runs in a directory of its own with no datasource setting, so
 * the drill proves the shipped H2 URL, not one of its own. Run it through tools/crash-drill (which
 * builds the jar when missing and creates a PostgreSQL database of its own for --pg):
 *   tools/crash-drill [--runs N] [--seed S]
 *   tools/crash-drill --pg [--runs N]      (builds a PostgreSQL jar: the database kind is fixed at build time)
 * Exit status 0 when nothing was lost, 1 when something was, 2 when the drill itself failed.
 */

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

public class CrashDrill {

    static final String ADMIN = "gvu_crash-drill-admin-token-0123456789abcdef";
    static final Pattern FIELD = Pattern.compile("\"(decisionId|outcome|apiKey|status)\"\\s*:\\s*\"([^\"]*)\"");
    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    final Path repo = Path.of("").toAbsolutePath();
    final Path dir;
    final String dbUrl;
    final Path jar;
    final int port;
    final Random random;

    CrashDrill(Path dir, String dbUrl, Path jar, long seed) throws IOException {
        this.dir = dir;
        this.dbUrl = dbUrl;
        this.jar = jar.toAbsolutePath();
        this.random = new Random(seed);
        try (ServerSocket s = new ServerSocket(0)) {
            this.port = s.getLocalPort();
        }
    }

    public static void main(String[] args) throws Exception {
        int runs = 3, threads = 8;
        long seed = System.nanoTime();
        String dbUrl = null;
        Path jar = Path.of("governor-server/target/quarkus-app/quarkus-run.jar");
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--runs" -> runs = Integer.parseInt(args[++i]);
                case "--threads" -> threads = Integer.parseInt(args[++i]);
                case "--seed" -> seed = Long.parseLong(args[++i]);
                case "--db-url" -> dbUrl = args[++i];
                case "--jar" -> jar = Path.of(args[++i]);
                default -> { System.err.println("unknown argument " + args[i]); System.exit(2); }
            }
        }
        Path dir = Files.createDirectories(Path.of("target", "crash-drill", String.valueOf(System.currentTimeMillis())))
                .toAbsolutePath();
        System.out.printf("crash drill: %d runs, %d threads, seed %d, %s, in %s%n", runs, threads, seed,
                dbUrl == null ? "embedded H2 default" : dbUrl, dir);
        CrashDrill drill = new CrashDrill(dir, dbUrl, jar, seed);
        Map<String, String> acknowledged = new ConcurrentHashMap<>();
        Set<String> lost = new TreeSet<>();
        String key = null;
        for (int run = 1; run <= runs; run++) {
            Process service = drill.start(run);
            if (key == null) key = drill.registerAgent();
            lost.addAll(drill.check(acknowledged, "before run " + run));
            int before = acknowledged.size();
            long killAfter = 1500 + drill.random.nextInt(2500);
            drill.load(key, threads, killAfter, acknowledged, service);
            System.out.printf("run %d: killed after %d ms; %d decisions acknowledged in this run%n",
                    run, killAfter, acknowledged.size() - before);
        }
        Process last = drill.start(runs + 1);
        lost.addAll(drill.check(acknowledged, "after the last kill"));
        boolean valid = drill.get("/v1/audit/verify").contains("\"valid\":true");
        last.destroy();
        last.waitFor();
        System.out.printf("crash drill: %d acknowledged, %d lost or changed, audit chain %s%n",
                acknowledged.size(), lost.size(), valid ? "valid" : "INVALID");
        System.exit(lost.isEmpty() && valid && !acknowledged.isEmpty() ? 0 : 1);
    }

    Process start(int run) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("java",
                "-Dquarkus.http.port=" + port,
                "-Dgovernor.policy.rules-dir=" + repo.resolve("rules"),
                "-Dgovernor.policy.tables-dir=" + repo.resolve("decision-tables"),
                "-Dgovernor.policy.tests-dir=" + repo.resolve("policy-tests"),
                // the drill measures durability, not the per-agent rate limit
                "-Dgovernor.auth.decisions-per-second=1000000",
                "-Dgovernor.auth.decisions-burst=1000000"));
        if (dbUrl != null) cmd.add("-Dquarkus.profile=pg");
        cmd.addAll(List.of("-jar", jar.toString()));
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("service.log").toFile()));
        pb.environment().put("GOVERNOR_BOOTSTRAP_ADMIN_TOKEN", ADMIN);
        if (dbUrl != null) pb.environment().put("GOVERNOR_DB_URL", dbUrl);
        Process p = pb.start();
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (System.nanoTime() < deadline) {
            if (!p.isAlive()) fail("the service exited with " + p.exitValue() + " on start " + run + "; see " + dir.resolve("service.log"));
            try {
                if (HTTP.send(request("/q/health/ready").GET().build(), HttpResponse.BodyHandlers.discarding()).statusCode() == 200) return p;
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(200);
        }
        p.destroyForcibly();
        fail("the service was not ready within 90 s on start " + run);
        return p;
    }

    /** The agent's owner must be a user Governor knows, so the drill creates one first. */
    String registerAgent() throws Exception {
        HttpResponse<String> owner = HTTP.send(request("/v1/users").header("Authorization", "Bearer " + ADMIN)
                .POST(HttpRequest.BodyPublishers.ofString("""
                        { "name": "drill@example.com", "roles": ["approver"] }""")).build(),
                HttpResponse.BodyHandlers.ofString());
        if (owner.statusCode() != 201) fail("creating the agent's owner answered " + owner.statusCode() + ": " + owner.body());
        HttpResponse<String> r = HTTP.send(request("/v1/agents").header("Authorization", "Bearer " + ADMIN)
                .POST(HttpRequest.BodyPublishers.ofString("""
                        { "id": "drill-agent", "owner": "drill@example.com", "task": "crash drill",
                          "autonomyLevel": "ROUTINE", "environments": ["sandbox", "production"],
                          "permissions": ["config:*"] }""")).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 201) fail("registering the agent answered " + r.statusCode() + ": " + r.body());
        return field(r.body(), "apiKey");
    }

    /** Sends decisions from several threads until the service is killed after killAfter ms. */
    void load(String key, int threads, long killAfter, Map<String, String> acknowledged, Process service) throws Exception {
        AtomicBoolean dead = new AtomicBoolean();
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int thread = t;
            Thread worker = new Thread(() -> {
                for (int n = 0; !dead.get(); n++) {
                    // mostly sandbox steps (ALLOW), some in production (approvals, budgets): every write path
                    String env = n % 4 == 0 ? "production" : "sandbox";
                    String body = """
                            { "agentId": "drill-agent", "sessionId": "drill-%d",
                              "action": { "type": "config.update", "environment": "%s", "target": "config/payments/%d",
                                          "impact": { "records": 1, "users": 0, "monetaryValue": 0 },
                                          "rollbackPlan": "restore the previous value" },
                              "reasoning": { "goal": "crash drill" } }""".formatted(thread, env, n);
                    try {
                        HttpResponse<String> r = HTTP.send(request("/v1/decisions").header("Authorization", "Bearer " + key)
                                .timeout(Duration.ofSeconds(10)).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                                HttpResponse.BodyHandlers.ofString());
                        if (r.statusCode() == 200) acknowledged.put(field(r.body(), "decisionId"), field(r.body(), "outcome"));
                    } catch (IOException | InterruptedException killed) {
                        // no answer, no promise: the decision may or may not be stored
                    }
                }
            });
            worker.start();
            workers.add(worker);
        }
        Thread.sleep(killAfter);
        service.destroyForcibly(); // SIGKILL on Linux: no shutdown hook runs
        service.waitFor();
        dead.set(true);
        for (Thread w : workers) w.join();
    }

    /** Every acknowledged decision must be stored with the outcome it was answered with; the ids that are not. */
    Set<String> check(Map<String, String> acknowledged, String when) throws Exception {
        Set<String> lost = new TreeSet<>();
        for (var e : acknowledged.entrySet()) {
            HttpResponse<String> r = HTTP.send(request("/v1/decisions/" + e.getKey()).header("Authorization", "Bearer " + ADMIN)
                    .GET().build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200 || !r.body().contains("\"outcome\":\"" + e.getValue() + "\"")) {
                lost.add(e.getKey());
                if (lost.size() <= 5) System.out.printf("  %s: decision %s answered %s is %s%n", when, e.getKey(), e.getValue(),
                        r.statusCode() == 200 ? "stored with another outcome" : "missing (" + r.statusCode() + ")");
            }
        }
        return lost;
    }

    String get(String path) throws Exception {
        return HTTP.send(request(path).header("Authorization", "Bearer " + ADMIN).GET().build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }

    HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).header("Content-Type", "application/json");
    }

    static String field(String json, String name) {
        Matcher m = FIELD.matcher(json);
        while (m.find()) if (m.group(1).equals(name)) return m.group(2);
        fail("no " + name + " in " + json);
        return null;
    }

    static void fail(String message) {
        System.err.println("crash drill failed: " + message);
        System.exit(2);
    }
}
