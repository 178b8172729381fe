package dev.governor.policy.engine.facts;

import java.time.Instant;

/** The global halt in force at the time of the request (absent when there is none). */
public record HaltFact(String reason, String by, Instant since) {

    public String getReason() { return reason; }
    public String getBy() { return by; }
    public Instant getSince() { return since; }
}
