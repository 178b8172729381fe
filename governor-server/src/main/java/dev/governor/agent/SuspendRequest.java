package dev.governor.agent;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Body of {@code POST /v1/agents/{id}/suspend}: why the agent is stopped, for the audit trail. */
public record SuspendRequest(@NotBlank @Size(max = 2000) String reason) {
}
