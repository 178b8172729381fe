package dev.governor.policy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PolicyTestReaderTest {

    private static final Instant NOW = Instant.parse("2026-11-24T10:00:00Z");

    @Test
    void relativeAndAbsoluteTimes() {
        assertThat(PolicyTestReader.time("-3h", NOW)).isEqualTo(Instant.parse("2026-11-24T07:00:00Z"));
        assertThat(PolicyTestReader.time("+5m", NOW)).isEqualTo(Instant.parse("2026-11-24T10:05:00Z"));
        assertThat(PolicyTestReader.time("-2d", NOW)).isEqualTo(Instant.parse("2026-11-22T10:00:00Z"));
        assertThat(PolicyTestReader.time("now", NOW)).isEqualTo(NOW);
        assertThat(PolicyTestReader.time("2026-11-24T11:00:00+01:00", NOW)).isEqualTo(NOW);
    }

    @Test
    void misspeltKeyIsAnErrorNamingTheCase(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("bad.yaml"), """
                cases:
                  - name: typo case
                    given:
                      agent: null
                      action: { type: config.read, environment: sandbox }
                    expect:
                      outcome: DENY
                      reason: [UNKNOWN_AGENT]
                """);
        assertThatThrownBy(() -> PolicyTestRunner.readAll(dir))
                .hasMessageContaining("bad.yaml :: typo case")
                .hasMessageContaining("unknown key 'reason'");
    }

    @Test
    void runnerReportsEveryMismatch(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("one.yaml"), """
                now: 2026-11-24T10:00:00Z
                cases:
                  - name: wrong on purpose
                    given:
                      agent: null
                      action: { type: config.read, environment: sandbox }
                    expect:
                      outcome: ALLOW
                      reasons: [READ_ONLY]
                """);
        PolicyTestCase c = PolicyTestRunner.readAll(dir).get(0);
        assertThat(c.input().agent()).isNull();
        assertThat(c.input().now()).isEqualTo(NOW);
        Evaluation denied = new Evaluation(Outcome.DENY, Reversibility.REVERSIBLE, BlastRadius.LOW,
                java.util.List.of(new Evaluation.Reason("UNKNOWN_AGENT", Outcome.DENY, "m", "rules/identity.drl#unknown-agent")),
                java.util.List.of(), java.util.List.of(), "sha256:x");
        PolicyTestRunner.Result result = new PolicyTestRunner(new FixedEngine(denied)).run(c);
        assertThat(result.passed()).isFalse();
        assertThat(result.failures()).hasSize(2);
        assertThat(result.describe()).contains("wrong on purpose", "expected ALLOW but was DENY", "READ_ONLY");
    }

    @Test
    void historyValuesAreDatedEveryApartOrByTheirOwnTime(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("history.yaml"), """
                now: 2026-11-24T10:00:00Z
                cases:
                  - name: with history
                    given:
                      agent: null
                      action: { type: config.read, environment: sandbox }
                      history:
                        - { source: erp, metric: stock.a, every: 10m, values: [1, 2, "3.5"] }
                        - { source: erp, metric: stock.b, values: [{ value: 9, observedAt: -1m }, { value: 8, observedAt: -2h }] }
                    expect:
                      outcome: DENY
                """);
        var history = PolicyTestRunner.readAll(dir).get(0).input().known().history();
        assertThat(history).hasSize(2);
        assertThat(history.get(0).values()).extracting(EvaluationInput.ObservedValue::observedAt)
                .containsExactly(Instant.parse("2026-11-24T09:30:00Z"), Instant.parse("2026-11-24T09:40:00Z"),
                        Instant.parse("2026-11-24T09:50:00Z"));
        assertThat(history.get(0).values().get(2).value()).isEqualByComparingTo("3.5");
        // Sorted oldest first, whatever order they were written in.
        assertThat(history.get(1).values()).extracting(v -> v.value().intValue()).containsExactly(8, 9);
    }

    @Test
    void aMisspeltHistoryKeyIsAnError(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("bad.yaml"), """
                cases:
                  - name: typo in history
                    given:
                      agent: null
                      action: { type: config.read, environment: sandbox }
                      history: [ { source: erp, metric: stock.a, value: [1] } ]
                    expect:
                      outcome: DENY
                """);
        assertThatThrownBy(() -> PolicyTestRunner.readAll(dir)).hasMessageContaining("unknown key 'value'");
    }

    private record FixedEngine(Evaluation evaluation) implements PolicyEngine {
        @Override
        public Evaluation evaluate(EvaluationInput input) {
            return evaluation;
        }

        @Override
        public PromotionCriteria promotionCriteria(PromotionStep step) {
            throw new UnsupportedOperationException("not used by the scenario runner");
        }

        @Override
        public DriftResponse driftResponse(DriftSignals signals) {
            throw new UnsupportedOperationException("not used by the scenario runner");
        }

        @Override
        public PlanEvaluation evaluatePlan(java.util.List<EvaluationInput> steps) {
            throw new UnsupportedOperationException("not used by the scenario runner");
        }

        @Override
        public PolicySnapshot current() {
            return new PolicySnapshot("sha256:x", NOW, java.util.List.of());
        }
    }
}
