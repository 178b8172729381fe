package dev.governor.policy.engine.facts;

import dev.governor.policy.BlastRadius;

import java.math.BigDecimal;

/**
 * A plan's mutating steps in one environment, their impact summed, with the blast radius
 * decision-tables/blast-radius.dmn gives the sum and the worst any single step had. A figure is
 * null (unknown) when any step left it undeclared.
 */
public record CumulativeImpact(String environment, Long records, Long users, BigDecimal monetaryValue,
                               BlastRadius blastRadius, BlastRadius worstStep) {
    public String getEnvironment() { return environment; }
    public Long getRecords() { return records; }
    public Long getUsers() { return users; }
    public BigDecimal getMonetaryValue() { return monetaryValue; }
    public BlastRadius getBlastRadius() { return blastRadius; }
    public BlastRadius getWorstStep() { return worstStep; }

    /** "12 users, 3 records and 400 in value", an undeclared figure written as unknown. */
    public String getSummary() {
        return text(users) + " users, " + text(records) + " records and "
                + (monetaryValue == null ? "unknown" : monetaryValue.toPlainString()) + " in value";
    }

    private static String text(Long figure) {
        return figure == null ? "unknown" : figure.toString();
    }

    public boolean isAtLeast(BlastRadius level) { return blastRadius.compareTo(level) >= 0; }
    public boolean isWorseThanAnyStep() { return blastRadius.compareTo(worstStep) > 0; }
}
