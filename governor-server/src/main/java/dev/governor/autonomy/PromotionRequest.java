package dev.governor.autonomy;

import dev.governor.api.Patterns;
import dev.governor.policy.AutonomyLevel;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * Body of {@code POST /v1/agents/{id}/promotions}: exactly one of {@code toLevel} (the next level
 * up) and {@code toEnvironment}. {@code overrideReason}, from an admin only, asks for the
 * promotion although criteria are unmet; the second person's sign-off is still needed.
 */
public record PromotionRequest(
        AutonomyLevel toLevel,
        @Pattern(regexp = Patterns.AGENT_ENVIRONMENT, message = Patterns.AGENT_ENVIRONMENT_MESSAGE) String toEnvironment,
        @NotBlank @Size(max = 2000) String justification,
        @Size(min = 1, max = 2000) String overrideReason) {
}
