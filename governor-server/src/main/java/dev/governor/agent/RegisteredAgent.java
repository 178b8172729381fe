package dev.governor.agent;

import com.fasterxml.jackson.annotation.JsonUnwrapped;

import java.time.Instant;

/** The answer to a registration: the agent, and its API key, which is never shown again, and the key's end. */
public record RegisteredAgent(@JsonUnwrapped Agent agent, String apiKey, Instant apiKeyExpiresAt) {
}
