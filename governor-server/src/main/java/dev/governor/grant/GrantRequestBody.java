package dev.governor.grant;

import dev.governor.api.Patterns;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.util.UUID;

/** Body of {@code POST /v1/agents/{id}/grant-requests}: one grant, why, and optionally the refused decision. */
public record GrantRequestBody(
        @NotNull @Size(max = 200) @Pattern(regexp = Patterns.PERMISSION, message = Patterns.PERMISSION_MESSAGE) String permission,
        @NotBlank @Size(max = 2000) String justification,
        UUID decisionId) {
}
