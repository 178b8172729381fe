package dev.governor.policy.engine.facts;

import dev.governor.policy.BlastRadius;

import java.math.BigDecimal;

/**
 * A plan's mutating steps in one environment, their impact summed, with the blast radius
 * decision-tables/blast-radius.dmn gives the sum and the worst any single step had.
 */
public record CumulativeImpact(String environment, long records, long users, BigDecimal monetaryValue,
                               BlastRadius blastRadius, BlastRadius worstStep) {
    public String getEnvironment() { return environment; }
    public long getRecords() { return records; }
    public long getUsers() { return users; }
    public BigDecimal getMonetaryValue() { return monetaryValue; }
    public BlastRadius getBlastRadius() { return blastRadius; }
    public BlastRadius getWorstStep() { return worstStep; }

    public boolean isAtLeast(BlastRadius level) { return blastRadius.compareTo(level) >= 0; }
    public boolean isWorseThanAnyStep() { return blastRadius.compareTo(worstStep) > 0; }
}
