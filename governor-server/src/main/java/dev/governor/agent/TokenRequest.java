package dev.governor.agent;

import dev.governor.api.Patterns;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.util.List;

/**
 * Body of {@code POST /v1/agents/{id}/tokens}: the one session the token is for, the grants it
 * carries (each one the agent holds), and how long it lives (ISO-8601; at most what
 * decision-tables/key-lifetimes.dmn allows; absent: that maximum).
 */
public record TokenRequest(
        @NotBlank @Size(max = 128) String sessionId,
        @NotEmpty @Size(max = AgentRules.MAX_PERMISSIONS)
        List<@NotNull @Size(max = 200) @Pattern(regexp = Patterns.PERMISSION, message = Patterns.PERMISSION_MESSAGE) String> permissions,
        @Size(max = 40) String ttl) {
}
