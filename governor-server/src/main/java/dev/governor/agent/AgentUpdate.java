package dev.governor.agent;

import dev.governor.policy.AutonomyLevel;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/**
 * Body of {@code PUT /v1/agents/{id}}: a full replacement, so absent fields take the same
 * defaults as on create. {@code id} may be repeated but must then match the path.
 */
public record AgentUpdate(
        String id,
        @NotBlank @Size(max = 320) String owner,
        @Size(max = 2000) String task,
        AutonomyLevel autonomyLevel,
        @Size(max = AgentRules.MAX_ENVIRONMENTS)
        List<@NotNull @Pattern(regexp = AgentRules.ENVIRONMENT, message = AgentRules.ENVIRONMENT_MESSAGE) String> environments,
        @Size(max = AgentRules.MAX_PERMISSIONS)
        List<@NotNull @Size(max = 200) @Pattern(regexp = AgentRules.PERMISSION, message = AgentRules.PERMISSION_MESSAGE) String> permissions,
        AgentKind kind,
        @Size(max = AgentRules.MAX_PERMISSIONS) Map<@NotNull String, @NotNull OffsetDateTime> grantsUntil) {

    AgentSpec spec() {
        return AgentSpec.of(owner, task, autonomyLevel, environments, permissions, kind, grantsUntil);
    }
}
