package dev.governor.policy.engine.facts;

import java.time.Instant;

/** A freeze active at the time of the request; environment {@code *} freezes everything. */
public record FreezeFact(String id, String environment, Instant until, String reason) {

    public String getId() { return id; }
    public String getEnvironment() { return environment; }
    public Instant getUntil() { return until; }
    public String getReason() { return reason; }

    public boolean covers(String env) {
        return "*".equals(environment) || (environment != null && environment.equals(env));
    }
}
