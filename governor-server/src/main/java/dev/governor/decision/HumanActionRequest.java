package dev.governor.decision;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * The body of {@code POST /v1/decisions/{id}/human-action}: what the human did instead of (or
 * with) the recommendation; {@code actionTaken} is free JSON, bounded like an expected effect.
 */
public record HumanActionRequest(@NotNull HumanAction action, JsonNode actionTaken, @Size(max = 2000) String comment) {
}
