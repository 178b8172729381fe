package dev.governor.policy.engine.facts;

/**
 * A row of the data-freshness table that matched an input. Several rows may match (the
 * source's own row and the DEFAULT row); the one with the highest priority applies.
 */
public record FreshnessLimit(InputFact input, long maxAgeMinutes, String row, int priority) {
    public InputFact getInput() { return input; }
    public long getMaxAgeMinutes() { return maxAgeMinutes; }
    public String getRow() { return row; }
    public int getPriority() { return priority; }
}
