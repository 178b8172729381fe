package dev.governor.policy;

/**
 * What {@code decision-tables/drift-response.dmn} reads about one agent; a null is unknown (an
 * empty window, no confirmed outcome), never zero.
 *
 * @param incident an outcome was just reported ROLLED_BACK with {@code incident: true}
 */
public record DriftSignals(Double driftScore, Double denyRateIncrease, Double rollbackRate, Double disputeRate,
                           boolean incident) {
}
