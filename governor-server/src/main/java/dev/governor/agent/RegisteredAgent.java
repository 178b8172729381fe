package dev.governor.agent;

import com.fasterxml.jackson.annotation.JsonUnwrapped;

/** The answer to a registration: the agent, and its API key, which is never shown again. */
public record RegisteredAgent(@JsonUnwrapped Agent agent, String apiKey) {
}
