package dev.governor.bench;

import dev.governor.policy.EvaluationInput;
import dev.governor.policy.PolicyTestCase;
import dev.governor.policy.PolicyTestRunner;

import java.nio.file.Path;
import java.util.List;

/**
 * The mix of actions every benchmark evaluates: the inputs of the shipped policy scenarios
 * (policy-tests/*.yaml), which cover reads, reversible changes, irreversible steps that need an
 * approval, stale and disagreeing data, freezes, halts, budgets and session flows. Plan cases
 * (a whole plan, not one step) are left out.
 */
final class Scenarios {

    private Scenarios() {
    }

    /** The repository root: {@code -Dgovernor.root=...}, or the working directory (bench/run starts there). */
    static Path root() {
        return Path.of(System.getProperty("governor.root", ".")).toAbsolutePath().normalize();
    }

    static EvaluationInput[] mix() {
        List<EvaluationInput> inputs = PolicyTestRunner.readAll(root().resolve("policy-tests")).stream()
                .map(PolicyTestCase::input).filter(i -> i != null).toList();
        if (inputs.isEmpty()) throw new IllegalStateException("no scenario inputs under " + root().resolve("policy-tests"));
        return inputs.toArray(EvaluationInput[]::new);
    }
}
