package dev.governor.policy.engine.facts;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The statistics the rules compare: gathering only, every edge the rules rely on. */
class InputHistoryStatsTest {

    private static final Instant NOW = Instant.parse("2026-11-24T10:00:00Z");

    @Test
    void summarisesTheEarlierValues() {
        InputHistory h = InputHistory.of(input("130"), values("100", "120", "110", "150"));
        assertThat(h.count()).isEqualTo(4);
        assertThat(h.last()).isEqualByComparingTo("150");
        assertThat(h.median()).isEqualByComparingTo("115");
        assertThat(h.mean()).isEqualByComparingTo("120");
        // sample standard deviation: sqrt((400 + 0 + 100 + 900) / 3)
        assertThat(h.stddev().doubleValue()).isCloseTo(21.6025, org.assertj.core.data.Offset.offset(1e-4));
        assertThat(h.zScore().doubleValue()).isCloseTo(10 / 21.6025, org.assertj.core.data.Offset.offset(1e-4));
        assertThat(h.jump().doubleValue()).isCloseTo(150 / 130.0, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(h.crossesZero()).isFalse();
    }

    @Test
    void nothingToCompareIsNoFact() {
        assertThat(InputHistory.of(input("5"), List.of())).isNull();
        assertThat(InputHistory.of(input(null), values("5"))).isNull();
    }

    @Test
    void oneValueHasAJumpButNoSpread() {
        InputHistory h = InputHistory.of(input("10"), values("1"));
        assertThat(h.stddev()).isNull();
        assertThat(h.zScore()).isNull();
        assertThat(h.jump()).isEqualByComparingTo("10");
    }

    @Test
    void aFlatHistoryHasNoZScore() {
        InputHistory h = InputHistory.of(input("101"), values("100", "100", "100"));
        assertThat(h.stddev()).isEqualByComparingTo("0");
        assertThat(h.zScore()).isNull();
    }

    @Test
    void zeroAndChangesOfSignAreNoRatio() {
        assertThat(InputHistory.of(input("0"), values("5")).crossesZero()).isTrue();
        assertThat(InputHistory.of(input("5"), values("0")).crossesZero()).isTrue();
        assertThat(InputHistory.of(input("-5"), values("5")).crossesZero()).isTrue();
        InputHistory both = InputHistory.of(input("0"), values("0"));
        assertThat(both.crossesZero()).isFalse();
        assertThat(both.jump()).isEqualByComparingTo("1");
        InputHistory negative = InputHistory.of(input("-50"), values("-5"));
        assertThat(negative.crossesZero()).isFalse();
        assertThat(negative.jump()).isEqualByComparingTo("10");
    }

    @Test
    void theLargestValuesTheApiTakesDoNotOverflow() {
        String max = "999999999999999999.999999";
        InputHistory h = InputHistory.of(input("-" + max), values(max, "-" + max, max));
        assertThat(h.crossesZero()).isTrue();
        assertThat(h.zScore()).isNotNull();
        assertThat(h.mean().signum()).isPositive();
        assertThat(InputHistory.figure(h.zScore())).isNotBlank();
    }

    private static InputFact input(String value) {
        return new InputFact("erp", "stock.sku-1", value == null ? null : new BigDecimal(value), NOW, NOW);
    }

    private static List<BigDecimal> values(String... values) {
        return java.util.Arrays.stream(values).map(BigDecimal::new).toList();
    }
}
