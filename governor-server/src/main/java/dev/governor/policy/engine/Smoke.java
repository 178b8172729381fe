package dev.governor.policy.engine;

import dev.governor.policy.AutonomyLevel;
import dev.governor.policy.EvaluationInput;
import dev.governor.policy.EvaluationInput.ActionFacts;
import dev.governor.policy.EvaluationInput.AgentFacts;
import dev.governor.policy.EvaluationInput.ApprovalFacts;
import dev.governor.policy.EvaluationInput.FreezeFacts;
import dev.governor.policy.EvaluationInput.HaltFacts;
import dev.governor.policy.EvaluationInput.InputFacts;
import dev.governor.policy.EvaluationInput.PlanStepFacts;
import dev.governor.policy.PolicyLoadException;
import dev.governor.policy.PolicyLoadException.Problem;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Before a compiled policy may serve, it evaluates a few requests that between them reach every
 * table and every rule file (a read, a risky production mutation with stale and conflicting data
 * under a freeze and a halt, an unknown agent, an approval and a plan step, a two-step plan), a
 * few rounds under a generous limit. The rounds also warm the engine up, so the first request
 * after a start or a reload does not spend its evaluation deadline on class loading and a cold JIT
 * (the quick start's first decision missed 250 ms on a loaded machine with one round). A policy
 * that loops or fails here is refused and never answers a request.
 */
final class Smoke {

    /** A smoke run may take this long at least (class loading, a loaded machine), whatever the deadline. */
    static final Duration WARM_UP = Duration.ofSeconds(5);
    private static final int ROUNDS = 3;

    private Smoke() {
    }

    static void check(Evaluator evaluator, Duration timeout) {
        Map<String, Supplier<Object>> runs = runs(evaluator);
        List<Problem> problems = new ArrayList<>();
        Duration limit = max(WARM_UP, timeout.multipliedBy(20));
        for (int round = 0; round < ROUNDS && problems.isEmpty(); round++) {
            runs.forEach((name, run) -> {
                try {
                    Deadline.run(limit, run);
                } catch (RuntimeException e) {
                    problems.add(new Problem("policy", "smoke evaluation '" + name + "'",
                            "the candidate policy failed it, so it is refused: " + e.getMessage()));
                }
            });
        }
        if (!problems.isEmpty()) throw new PolicyLoadException(problems);
    }

    private static Map<String, Supplier<Object>> runs(Evaluator evaluator) {
        Instant now = Instant.now();
        AgentFacts agent = new AgentFacts("smoke-agent", false, AutonomyLevel.AUTONOMOUS, Set.of("sandbox", "production"),
                Set.of("*:*"));
        ActionFacts read = new ActionFacts("config.read", "sandbox", "svc/smoke", null, null, null, null); // unknown impact
        ActionFacts risky = new ActionFacts("database.drop", "production", "db/smoke", 1_000_000L, 100_000L,
                new BigDecimal("1000000"), null);
        List<InputFacts> inputs = List.of(
                new InputFacts("erp", "stock.sku-1", BigDecimal.TEN, now.minus(Duration.ofDays(2))),
                new InputFacts("inventory-db", "stock.sku-1", new BigDecimal("1000"), now.plus(Duration.ofHours(1))));
        List<FreezeFacts> freeze = List.of(new FreezeFacts("smoke-freeze", "production", now.minusSeconds(60),
                now.plusSeconds(3600), "smoke"));
        EvaluationInput readIn = new EvaluationInput("smoke-agent", agent, read, List.of(), List.of(), now);
        EvaluationInput riskyIn = new EvaluationInput("smoke-agent", agent, risky, inputs, freeze, now, null,
                new HaltFacts("smoke", "smoke", now));
        return Map.of(
                "a read", () -> evaluator.evaluate(readIn),
                "a risky production mutation", () -> evaluator.evaluate(riskyIn),
                "an unknown agent", () -> evaluator.evaluate(new EvaluationInput("smoke-unknown", null, risky, inputs,
                        List.of(), now)),
                "an unknown approval and plan step", () -> evaluator.evaluate(riskyIn.withAuthority(
                        ApprovalFacts.unknown(UUID.randomUUID()), PlanStepFacts.unknownPlan(UUID.randomUUID(), 0))),
                "a two-step plan", () -> PlanWeigher.weigh(evaluator, List.of(readIn, riskyIn), evaluator::evaluate));
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }
}
