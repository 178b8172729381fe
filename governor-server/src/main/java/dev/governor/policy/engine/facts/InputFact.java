package dev.governor.policy.engine.facts;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;

/**
 * One data point the agent based its action on, with its age at the time of the request.
 * {@code family} is the metric up to the first dot ({@code stock.sku-123} → {@code stock}).
 */
public record InputFact(String source, String metric, BigDecimal value, Instant observedAt, Instant now) {

    public String getSource() { return source; }
    public String getMetric() { return metric; }
    public BigDecimal getValue() { return value; }

    /** Table rows name a source, or {@code *} for the default row. */
    public boolean matchesSource(String pattern) {
        return "*".equals(pattern) || (source != null && source.equalsIgnoreCase(pattern));
    }

    public String getFamily() {
        if (metric == null) return "";
        int dot = metric.indexOf('.');
        return dot < 0 ? metric : metric.substring(0, dot);
    }

    /** Negative when observedAt lies in the future. */
    public long getAgeSeconds() {
        return observedAt == null ? Long.MAX_VALUE : Duration.between(observedAt, now).toSeconds();
    }

    public boolean isOlderThanMinutes(long minutes) {
        return getAgeSeconds() > minutes * 60;
    }

    public boolean isAheadOfClockBySeconds(long seconds) {
        return observedAt != null && -getAgeSeconds() > seconds;
    }

    /** "3h 5m", "42s": how old the data is, for messages. */
    public String getAgeText() {
        if (observedAt == null) return "of unknown age";
        long s = getAgeSeconds();
        return (s < 0 ? "dated " + Durations.human(-s) + " in the future" : Durations.human(s) + " old");
    }

    public String describe() {
        return "input " + metric + " from " + source;
    }
}
