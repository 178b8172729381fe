package dev.governor.bench;

import dev.governor.policy.Evaluation;
import dev.governor.policy.EvaluationInput;
import dev.governor.policy.PolicyEngine;
import dev.governor.policy.engine.KiePolicyEngine;

import java.util.Map;
import java.util.TreeMap;

/**
 * What the benchmarks' mix evaluates to: outcomes, and how many evaluations failed
 * (POLICY_ERROR). A benchmark of evaluations that all fail would measure the wrong thing.
 * {@code java -cp ... dev.governor.bench.OutcomeMix}
 */
public final class OutcomeMix {

    private OutcomeMix() {
    }

    public static void main(String[] args) {
        PolicyEngine engine = KiePolicyEngine.load(Scenarios.root().resolve("rules"), Scenarios.root().resolve("decision-tables"));
        Map<String, Integer> outcomes = new TreeMap<>();
        int errors = 0;
        EvaluationInput[] mix = Scenarios.mix();
        long started = System.nanoTime();
        for (EvaluationInput input : mix) {
            Evaluation e = engine.evaluate(input);
            outcomes.merge(e.outcome().name(), 1, Integer::sum);
            if (!e.errors().isEmpty()) {
                errors++;
                if (errors <= 3) System.out.println("error: " + e.errors());
            }
        }
        System.out.printf("%d inputs: %s; %d failed to evaluate; %.1f ms each on a cold engine%n", mix.length, outcomes,
                errors, (System.nanoTime() - started) / 1e6 / mix.length);
    }
}
