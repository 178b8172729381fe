package dev.governor.policy.engine.facts;

import java.math.BigDecimal;
import java.math.MathContext;

/**
 * One cell of the data-agreement table that applies to a metric family: a relative tolerance
 * (percent) between sources, the lowest/highest plausible value, or a limit against the metric's
 * own history (the largest jump factor from the last value, the largest z-score, and how many
 * earlier values a z-score needs). When the family's own row and the DEFAULT row both match, the
 * higher priority wins per kind.
 */
public record MetricLimit(String family, Kind kind, BigDecimal value, String row, int priority) {

    public enum Kind { TOLERANCE_PERCENT, MINIMUM, MAXIMUM, JUMP_FACTOR, Z_SCORE, HISTORY_FOR_Z_SCORE }

    public MetricLimit(MetricFamily family, Kind kind, Number value, String row, int priority) {
        this(family.name(), kind, new BigDecimal(value.toString()), row, priority);
    }

    public String getFamily() { return family; }
    public Kind getKind() { return kind; }
    public BigDecimal getValue() { return value; }
    public String getRow() { return row; }
    public int getPriority() { return priority; }

    /** Relative difference against the larger magnitude, so 100 vs 95 is 5%. */
    public boolean isExceededBy(BigDecimal a, BigDecimal b) {
        return differencePercent(a, b).compareTo(value) > 0;
    }

    public static BigDecimal differencePercent(BigDecimal a, BigDecimal b) {
        BigDecimal scale = a.abs().max(b.abs());
        if (scale.signum() == 0) return BigDecimal.ZERO;
        return a.subtract(b).abs().multiply(BigDecimal.valueOf(100)).divide(scale, MathContext.DECIMAL64)
                .stripTrailingZeros();
    }
}
