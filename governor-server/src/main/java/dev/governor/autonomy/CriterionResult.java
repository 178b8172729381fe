package dev.governor.autonomy;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

/**
 * One criterion of a step, judged: what the table requires, what the agent's record shows, and
 * the decisions behind the number (at most 20). {@code actual} null is unknown, and never met.
 *
 * @param required readable form of the bound, e.g. {@code ">= 200"} or {@code "<= 0.02"}
 * @param source   the table row, e.g. {@code decision-tables/autonomy-promotion.dmn#pr-routine-decisions}
 */
public record CriterionResult(String criterion, String required, BigDecimal minimum, BigDecimal maximum,
                              Double actual, boolean met, Duration window, String source, List<UUID> decisionIds) {
}
