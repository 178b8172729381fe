package dev.governor.policy.engine.facts;

import java.time.Instant;

/** A freeze active at the time of the request; environment {@code *} freezes everything. */
public record FreezeFact(String id, String environment, Instant until, String reason) {

    public String getId() { return id; }
    public String getEnvironment() { return environment; }
    public Instant getUntil() { return until; }
    public String getReason() { return reason; }

    /** A freeze on an environment covers it under every alias: the name as written and as registered. */
    public boolean covers(ActionFact action) {
        if ("*".equals(environment)) return true;
        return environment != null && (environment.equals(action.getEnvironment())
                || environment.equals(action.getEnvironmentName()));
    }
}
