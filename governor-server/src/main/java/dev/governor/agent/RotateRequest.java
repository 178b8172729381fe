package dev.governor.agent;

import jakarta.validation.constraints.Size;

/** Body of {@code POST /v1/agents/{id}/keys/rotate}, optional: a shorter life than the table's ({@code ttl}, ISO-8601). */
public record RotateRequest(@Size(max = 40) String ttl) {
}
