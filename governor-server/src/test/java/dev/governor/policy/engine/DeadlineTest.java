package dev.governor.policy.engine;

import dev.governor.policy.AutonomyLevel;
import dev.governor.policy.Evaluation;
import dev.governor.policy.EvaluationInput;
import dev.governor.policy.EvaluationInput.ActionFacts;
import dev.governor.policy.EvaluationInput.AgentFacts;
import dev.governor.policy.Outcome;
import dev.governor.policy.PolicyLoadException;
import dev.governor.testing.QuietLogger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** No evaluation runs past its deadline, whatever the policy does, and nothing keeps running after it. */
public class DeadlineTest {

    /** A rule that updates its own fact, so it matches again, forever (no loop in Java: the engine loops). */
    public static final Path SPINNING_RULE_FILE = Path.of("governor-server/src/test/resources/deadline/spin.drl");
    static final String SPINNING_RULE = read(SPINNING_RULE_FILE);

    @TempDir
    Path root;

    @Test
    void theDeadlineIsComputingTimeSoAnEvaluationKeptWaitingIsNotDeniedForIt() {
        // Sleeping stands in for a worker the scheduler did not run: time passes, no CPU is used.
        assertThat(Deadline.run(Duration.ofMillis(100), () -> {
            sleep(400);
            return "done";
        })).isEqualTo("done");
    }

    @Test
    void aStarvedEvaluationIsStillDeniedAtTheWallLimit() {
        long start = System.nanoTime();
        assertThatThrownBy(() -> Deadline.run(Duration.ofMillis(100), () -> {
            sleep(10_000);
            return "never";
        })).isInstanceOf(Deadline.Exceeded.class).hasMessageContaining("too busy");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Deadline.WALL_LIMIT)
                .isLessThan(Duration.ofSeconds(9));
    }

    @Test
    void workThatSpendsItsBudgetIsDeniedAtTheDeadline() {
        assertThatThrownBy(() -> Deadline.run(Duration.ofMillis(100), () -> {
            long x = 0;
            while (!Deadline.cancelled()) x += System.nanoTime() % 7;
            return x;
        })).isInstanceOf(Deadline.Exceeded.class).hasMessageContaining("evaluation deadline of 100 ms");
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void aRuleThatReFiresForeverIsDeniedAtTheFiringLimit() throws Exception {
        copyPolicy();
        Files.writeString(root.resolve("rules/spin.drl"), SPINNING_RULE);
        KiePolicyEngine engine = load(new LoadLimits(5L << 20, Duration.ofSeconds(5), 10_000));
        Evaluation e = engine.evaluate(input("spin.forever"));
        assertThat(e.outcome()).isEqualTo(Outcome.DENY);
        assertThat(e.reasons()).singleElement().satisfies(r -> {
            assertThat(r.code()).isEqualTo("POLICY_ERROR");
            assertThat(r.message()).contains("more than 10000 times", "governor.policy.max-rule-firings");
        });
        assertThat(engine.evaluate(input("config.read")).outcome()).isEqualTo(Outcome.ALLOW);
    }

    @Test
    void aRuleThatReFiresForeverIsHaltedAtTheDeadlineAndTheServiceGoesOn() throws Exception {
        copyPolicy();
        Files.writeString(root.resolve("rules/spin.drl"), SPINNING_RULE);
        KiePolicyEngine engine = load(new LoadLimits(5L << 20, Duration.ofMillis(1000), Integer.MAX_VALUE - 1));
        long start = System.nanoTime();
        Evaluation e = engine.evaluate(input("spin.forever"));
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        assertThat(e.outcome()).isEqualTo(Outcome.DENY);
        assertThat(e.reasons()).singleElement().satisfies(r -> {
            assertThat(r.code()).isEqualTo("POLICY_ERROR");
            assertThat(r.message()).contains("evaluation deadline of 1000 ms", "governor.policy.evaluation-timeout");
        });
        assertThat(took).as("answered at the deadline, not when the rule stopped").isLessThan(Duration.ofSeconds(5));
        assertNoEvaluationKeepsRunning();
        for (int i = 0; i < 100; i++) assertThat(engine.evaluate(input("config.read")).outcome()).isEqualTo(Outcome.ALLOW);
    }

    @Test
    void aFeelExpressionThatRunsForeverIsStoppedAfterTheDeadline() throws Exception {
        copyPolicy();
        Path table = root.resolve("decision-tables/reversibility.dmn");
        // 2^60 calls of a recursive FEEL function: depth 60, no memory, endless work; nothing to halt
        String burn = "{f: function(n) if n = 0 then 0 else f(n - 1) + f(n - 1), r: if f(60) = 0 then \"IRREVERSIBLE\""
                + " else \"IRREVERSIBLE\"}.r";
        Files.writeString(table, Files.readString(table).replaceFirst("      <rule id=\"rev-read-only\">", """
                      <rule id="rev-spin">
                        <inputEntry id="rev-spin-i1"><text>-</text></inputEntry>
                        <inputEntry id="rev-spin-i2"><text>"spin.feel"</text></inputEntry>
                        <outputEntry id="rev-spin-o1"><text>%s</text></outputEntry>
                        <outputEntry id="rev-spin-o2"><text>null</text></outputEntry>
                        <outputEntry id="rev-spin-o3"><text>null</text></outputEntry>
                        <outputEntry id="rev-spin-o4"><text>null</text></outputEntry>
                        <outputEntry id="rev-spin-o5"><text>true</text></outputEntry>
                      </rule>
                      <rule id="rev-read-only">""".formatted(burn.replace("\"", "&quot;"))));
        KiePolicyEngine engine = load(new LoadLimits(5L << 20, Duration.ofMillis(1000), 10_000));
        // The stopped evaluation thread dies inside KIE, which logs that as an ERROR; Governor answers it as a DENY.
        try (var quiet = QuietLogger.quiet("org.kie.dmn.core.impl.DMNRuntimeImpl")) {
            Evaluation e = engine.evaluate(input("spin.feel"));
            assertThat(e.outcome()).isEqualTo(Outcome.DENY);
            assertThat(e.reasons()).extracting(Evaluation.Reason::message)
                    .singleElement().asString().contains("evaluation deadline of 1000 ms");
            assertNoEvaluationKeepsRunning();
        }
        assertThat(engine.evaluate(input("config.read")).outcome()).isEqualTo(Outcome.ALLOW);
    }

    @Test
    void aCandidateThatLoopsOnTheSmokeEvaluationIsRefused() throws Exception {
        copyPolicy();
        Files.writeString(root.resolve("rules/spin.drl"), SPINNING_RULE.replace("type == \"spin.forever\"", "type == \"config.read\""));
        assertThatThrownBy(() -> load(new LoadLimits(5L << 20, Duration.ofMillis(300), 10_000)))
                .isInstanceOf(PolicyLoadException.class)
                .hasMessageContaining("smoke evaluation 'a read'")
                .hasMessageContaining("governor.policy.max-rule-firings");
    }

    /** Idle workers wait for work; a worker still evaluating would be RUNNABLE. */
    static void assertNoEvaluationKeepsRunning() throws InterruptedException {
        long until = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        List<String> busy;
        do {
            Thread.sleep(100);
            busy = Thread.getAllStackTraces().keySet().stream()
                    .filter(t -> t.getName().startsWith("governor-policy-eval-") && t.getState() == Thread.State.RUNNABLE)
                    .map(Thread::getName).toList();
        } while (!busy.isEmpty() && System.nanoTime() < until);
        assertThat(busy).as("evaluation threads still running after their deadline").isEmpty();
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static EvaluationInput input(String type) {
        AgentFacts agent = new AgentFacts("spin-agent", false, AutonomyLevel.AUTONOMOUS, Set.of("sandbox"), Set.of("*:*"));
        return new EvaluationInput("spin-agent", agent, new ActionFacts(type, "sandbox", "svc/x", 0L, 0L, BigDecimal.ZERO, null),
                List.of(), List.of(), Instant.now());
    }

    private KiePolicyEngine load(LoadLimits limits) {
        return KiePolicyEngine.load(root.resolve("rules"), root.resolve("decision-tables"), limits);
    }

    private void copyPolicy() throws Exception {
        for (String dir : List.of("rules", "decision-tables")) {
            Files.createDirectories(root.resolve(dir));
            try (Stream<Path> files = Files.list(Path.of(dir))) {
                for (Path f : files.toList()) Files.copy(f, root.resolve(dir).resolve(f.getFileName()));
            }
        }
    }
}
