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
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.util.concurrent.TimeUnit;

/**
 * One evaluation of the full shipped policy (every table and rule under rules/ and
 * decision-tables/), cycling through the scenario mix. SampleTime gives the percentiles;
 * {@code -prof gc} gives the allocation per evaluation ({@code gc.alloc.rate.norm}).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
@Fork(1)
public class ShippedPolicyBenchmark {

    private PolicyEngine engine;
    private EvaluationInput[] mix;
    private int next;

    @Setup
    public void load() {
        engine = KiePolicyEngine.load(Scenarios.root().resolve("rules"), Scenarios.root().resolve("decision-tables"));
        mix = Scenarios.mix();
    }

    @Benchmark
    public Evaluation evaluate() {
        EvaluationInput input = mix[next];
        next = next + 1 == mix.length ? 0 : next + 1;
        return engine.evaluate(input);
    }
}
