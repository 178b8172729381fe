package dev.governor.bench;

import dev.governor.policy.Evaluation;
import dev.governor.policy.EvaluationInput;
import dev.governor.policy.PolicyEngine;
import dev.governor.policy.engine.KiePolicyEngine;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * The shipped scenario mix against a much larger policy: {@code rows} extra rows in
 * reversibility.dmn, ahead of the shipped ones (so a FIRST table scans past them for every
 * shipped action type), and {@code rules} extra rules, each matching an action type of its own.
 * A copy of the policy in a temporary directory; the repository's files are not touched.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
@Fork(1)
public class ScalePolicyBenchmark {

    @Param({"1000"})
    public int rows;

    @Param({"500"})
    public int rules;

    private PolicyEngine engine;
    private EvaluationInput[] mix;
    private int next;

    @Setup
    public void load() throws IOException {
        Path dir = ScalePolicy.write(Files.createTempDirectory("governor-bench-"), rows, rules);
        engine = KiePolicyEngine.load(dir.resolve("rules"), dir.resolve("decision-tables"));
        mix = Scenarios.mix();
    }

    @Benchmark
    public Evaluation evaluate() {
        EvaluationInput input = mix[next];
        next = next + 1 == mix.length ? 0 : next + 1;
        return engine.evaluate(input);
    }
}
