package dev.governor.policy.engine.facts;

import java.time.Instant;

/** The request itself: who asked (known or not) and when. */
public record RequestFact(String agentId, Instant now) {
    public String getAgentId() { return agentId; }
    public Instant getNow() { return now; }
}
