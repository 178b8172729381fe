package dev.governor.policy.engine;

import dev.governor.policy.AutonomyLevel;
import dev.governor.policy.BlastRadius;
import dev.governor.policy.Evaluation;
import dev.governor.policy.EvaluationInput.ActionFacts;
import dev.governor.policy.EvaluationInput.AgentFacts;
import dev.governor.policy.EvaluationInput.InputFacts;
import dev.governor.policy.EvaluationInput;
import dev.governor.policy.Outcome;
import dev.governor.policy.Reversibility;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/** evaluate() never throws: whatever it is fed, the answer is data, and broken input fails closed. */
class EvaluationRobustnessTest {

    private static final KiePolicyEngine ENGINE = KiePolicyEngine.load(Path.of("rules"), Path.of("decision-tables"));
    private static final Instant NOW = Instant.parse("2026-11-24T10:00:00Z");
    private static final AgentFacts AGENT =
            new AgentFacts("auto", false, AutonomyLevel.AUTONOMOUS, Set.of("sandbox", "production"), Set.of("*:*"));

    @Test
    void nullInputIsPolicyError() {
        assertPolicyError(ENGINE.evaluate(null));
    }

    @Test
    void nullActionIsPolicyError() {
        assertPolicyError(ENGINE.evaluate(new EvaluationInput("auto", AGENT, null, null, null, NOW)));
    }

    @Test
    void nullTimeIsPolicyError() {
        assertPolicyError(ENGINE.evaluate(new EvaluationInput("auto", AGENT, action("config.update", "sandbox"), null, null, null)));
    }

    @Test
    void garbageActionFieldsFailClosed() {
        var action = new ActionFacts(null, null, null, -5L, Long.MIN_VALUE, null, null);
        Evaluation e = ENGINE.evaluate(new EvaluationInput(null, AGENT, action, null, null, NOW));
        assertThat(e.outcome()).isEqualTo(Outcome.DENY);
        assertThat(e.reversibility()).isEqualTo(Reversibility.IRREVERSIBLE);
        assertThat(e.reasons()).isNotEmpty();
    }

    @Test
    void agentWithNullSetsAndLevelIsDenied() {
        var agent = new AgentFacts(null, false, null, null, null);
        Evaluation e = ENGINE.evaluate(new EvaluationInput("x", agent, action("config.update", "sandbox"), null, null, NOW));
        assertThat(e.outcome()).isEqualTo(Outcome.DENY);
        assertThat(e.reasons()).extracting(Evaluation.Reason::code).contains("PERMISSION_NOT_GRANTED", "ENVIRONMENT_NOT_ALLOWED");
    }

    @Test
    void garbageInputsDoNotBreakEvaluation() {
        List<InputFacts> inputs = List.of(
                new InputFacts(null, null, null, null),
                new InputFacts("inventory-db", "stock.x", null, NOW),
                new InputFacts("erp", "stock.x", new BigDecimal("1e300"), NOW));
        Evaluation e = ENGINE.evaluate(new EvaluationInput("auto", AGENT, action("inventory.adjust", "sandbox"),
                inputs, List.of(new EvaluationInput.FreezeFacts(null, null, null, null, null)), NOW));
        assertThat(e.errors()).isEmpty();
        // an input of unknown age cannot be shown fresh
        assertThat(e.outcome()).isEqualTo(Outcome.DENY);
        assertThat(e.reasons()).extracting(Evaluation.Reason::code).contains("DATA_STALE");
    }

    @Test
    void firingsNameFileRuleAndRow() {
        Evaluation e = ENGINE.evaluate(new EvaluationInput("auto", AGENT, action("payment.send", "production"), null, null, NOW));
        assertThat(e.firings()).anySatisfy(f -> {
            assertThat(f.kind()).isEqualTo(Evaluation.Firing.Kind.TABLE_ROW);
            assertThat(f.file()).isEqualTo("decision-tables/reversibility.dmn");
            assertThat(f.rowId()).isEqualTo("rev-payment-send");
            assertThat(f.rowIndex()).isPositive();
        });
        assertThat(e.firings()).anySatisfy(f -> {
            assertThat(f.kind()).isEqualTo(Evaluation.Firing.Kind.RULE);
            assertThat(f.file()).isEqualTo("rules/rollback.drl");
            assertThat(f.name()).isEqualTo("no-rollback-plan-in-production");
            assertThat(f.reasonCode()).isEqualTo("NO_ROLLBACK_PLAN");
            assertThat(f.outcome()).isEqualTo(Outcome.DENY);
        });
        assertThat(e.firings()).extracting(Evaluation.Firing::name).contains("most-restrictive-wins");
        assertThat(e.policyVersion()).isEqualTo(ENGINE.current().version());
    }

    @Test
    void concurrentEvaluationsDoNotMixTheirTraces() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Boolean>> results = new ArrayList<>();
            for (int i = 0; i < 400; i++) {
                boolean read = i % 2 == 0;
                results.add(pool.submit(() -> {
                    Evaluation e = ENGINE.evaluate(new EvaluationInput("auto", AGENT,
                            action(read ? "config.read" : "database.drop", "production"), null, null, NOW));
                    return read
                            ? e.outcome() == Outcome.ALLOW && e.firings().stream().noneMatch(f -> "rev-database-drop".equals(f.rowId()))
                            : e.outcome() == Outcome.DENY && e.firings().stream().noneMatch(f -> "rev-read-only".equals(f.rowId()));
                }));
            }
            for (Future<Boolean> r : results) assertThat(r.get()).isTrue();
        } finally {
            pool.shutdown();
        }
    }

    private static void assertPolicyError(Evaluation e) {
        assertThat(e.outcome()).isEqualTo(Outcome.DENY);
        assertThat(e.reasons()).extracting(Evaluation.Reason::code).containsExactly("POLICY_ERROR");
        assertThat(e.errors()).isNotEmpty();
        assertThat(e.reversibility()).isEqualTo(Reversibility.IRREVERSIBLE);
        assertThat(e.blastRadius()).isEqualTo(BlastRadius.CRITICAL);
        assertThat(e.policyVersion()).startsWith("sha256:");
    }

    private static ActionFacts action(String type, String env) {
        return new ActionFacts(type, env, "t", 0L, 0L, BigDecimal.ZERO, null);
    }
}
