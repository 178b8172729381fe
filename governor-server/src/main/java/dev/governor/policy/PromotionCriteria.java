package dev.governor.policy;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;

/**
 * What {@code decision-tables/autonomy-promotion.dmn} asks for one step, as data: the rows that
 * apply, each one criterion. {@code defined} is false when no row names the step (or the table
 * could not be evaluated: then {@code errors} says why); such a step can never be met.
 *
 * @param fromStep        the level, or the highest tier the agent holds, as the table saw it
 * @param toStep          the level, or the tier of the environment asked for
 * @param criteriaVersion the sha256 of the table file in force
 */
public record PromotionCriteria(String fromStep, String toStep, boolean defined, List<Criterion> criteria,
                                List<Evaluation.Firing> firings, List<String> errors, String policyVersion,
                                String criteriaVersion) {

    public static final String FILE = "decision-tables/autonomy-promotion.dmn";
    /** The source named when no row of the table covers a step. */
    public static final String NO_ROW = FILE + "#no-matching-row";

    public PromotionCriteria {
        criteria = List.copyOf(criteria);
        firings = List.copyOf(firings);
        errors = List.copyOf(errors);
    }

    /** A metric with a minimum or a maximum (one of them null) over a window; {@code source} is file#row. */
    public record Criterion(EvidenceMetric metric, BigDecimal minimum, BigDecimal maximum, Duration window,
                            String source) {
    }
}
