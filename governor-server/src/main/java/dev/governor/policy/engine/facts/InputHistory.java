package dev.governor.policy.engine.facts;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;

/**
 * What Governor observed before for an input's source and metric, summarised for the rules: only
 * present when there is at least one earlier value and the input has a value. The statistics are
 * gathering; which jump or z-score is too much is the data-agreement table's and the rules' call.
 *
 * @param last       the newest earlier value
 * @param jump       how many times larger the bigger magnitude of value and {@code last} is than
 *                   the smaller (1 = unchanged); null when {@link #crossesZero} is set
 * @param crossesZero the value and {@code last} differ in sign, or exactly one of them is zero:
 *                   no ratio measures that jump
 * @param stddev     the sample standard deviation, null with fewer than two values
 * @param zScore     how many standard deviations the value lies from the mean; null when the
 *                   standard deviation is null or zero (a flat history has no spread to measure by)
 */
public record InputHistory(InputFact input, int count, BigDecimal last, BigDecimal median, BigDecimal mean,
                           BigDecimal stddev, BigDecimal jump, boolean crossesZero, BigDecimal zScore) {

    private static final MathContext MC = MathContext.DECIMAL64;

    /** {@code values}: the earlier values, oldest first; null when there is nothing to compare. */
    public static InputHistory of(InputFact input, List<BigDecimal> values) {
        if (input.getValue() == null || values == null || values.isEmpty()) return null;
        BigDecimal value = input.getValue();
        int n = values.size();
        BigDecimal last = values.get(n - 1);
        List<BigDecimal> sorted = new ArrayList<>(values);
        sorted.sort(null);
        BigDecimal median = n % 2 == 1 ? sorted.get(n / 2)
                : sorted.get(n / 2 - 1).add(sorted.get(n / 2)).divide(BigDecimal.valueOf(2), MC);
        BigDecimal mean = values.stream().reduce(BigDecimal.ZERO, BigDecimal::add).divide(BigDecimal.valueOf(n), MC);
        BigDecimal stddev = null;
        if (n >= 2) {
            BigDecimal squares = values.stream().map(v -> v.subtract(mean).pow(2, MC))
                    .reduce(BigDecimal.ZERO, BigDecimal::add);
            stddev = squares.divide(BigDecimal.valueOf(n - 1), MC).sqrt(MC);
        }
        BigDecimal z = stddev == null || stddev.signum() == 0 ? null
                : value.subtract(mean).abs().divide(stddev, MC);
        boolean bothZero = value.signum() == 0 && last.signum() == 0;
        boolean crosses = !bothZero && value.signum() * last.signum() <= 0;
        BigDecimal jump = crosses ? null : bothZero ? BigDecimal.ONE
                : value.abs().max(last.abs()).divide(value.abs().min(last.abs()), MC);
        return new InputHistory(input, n, last, median, mean, stddev, jump, crosses, z);
    }

    public InputFact getInput() { return input; }
    public int getCount() { return count; }
    public BigDecimal getLast() { return last; }
    public BigDecimal getMedian() { return median; }
    public BigDecimal getMean() { return mean; }
    public BigDecimal getStddev() { return stddev; }
    public BigDecimal getJump() { return jump; }
    public boolean isCrossesZero() { return crossesZero; }
    public BigDecimal getZScore() { return zScore; }

    /** For messages: a figure rounded to 4 significant digits. */
    public static String figure(BigDecimal value) {
        return value == null ? "n/a" : value.round(new MathContext(4)).stripTrailingZeros().toPlainString();
    }
}
