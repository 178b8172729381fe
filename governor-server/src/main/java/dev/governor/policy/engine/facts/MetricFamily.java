package dev.governor.policy.engine.facts;

/** A metric family present in the inputs ({@code stock}, {@code price}, ...), for the agreement table. */
public record MetricFamily(String name) {

    public String getName() { return name; }

    /** Table rows name a family, or {@code *} for the default row. */
    public boolean matches(String pattern) {
        return "*".equals(pattern) || name.equalsIgnoreCase(pattern);
    }
}
