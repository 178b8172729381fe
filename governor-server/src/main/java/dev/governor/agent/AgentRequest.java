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
 * Body of {@code POST /v1/agents}. Absent optional fields take the safe defaults (OBSERVE, sandbox);
 * only an admin may register above them, optionally saying why in {@code overrideReason}.
 */
public record AgentRequest(
        @NotNull @Pattern(regexp = AgentRules.ID, message = AgentRules.ID_MESSAGE) String id,
        @NotBlank @Size(max = 320) String owner,
        @Size(max = 2000) String task,
        AutonomyLevel autonomyLevel,
        @Size(max = AgentRules.MAX_ENVIRONMENTS)
        List<@NotNull @Pattern(regexp = AgentRules.ENVIRONMENT, message = AgentRules.ENVIRONMENT_MESSAGE) String> environments,
        @Size(max = AgentRules.MAX_PERMISSIONS)
        List<@NotNull @Size(max = 200) @Pattern(regexp = AgentRules.PERMISSION, message = AgentRules.PERMISSION_MESSAGE) String> permissions,
        @Size(max = 2000) String overrideReason,
        AgentKind kind,
        @Size(max = AgentRules.MAX_PERMISSIONS) Map<@NotNull String, @NotNull OffsetDateTime> grantsUntil) {

    AgentSpec spec() {
        return AgentSpec.of(owner, task, autonomyLevel, environments, permissions, kind, grantsUntil);
    }
}
