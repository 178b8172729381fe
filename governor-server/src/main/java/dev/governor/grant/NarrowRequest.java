package dev.governor.grant;

import dev.governor.api.Patterns;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.util.List;

/** Body of {@code POST /v1/agents/{id}/permissions/narrow}: the grants to keep (a subset), and why. */
public record NarrowRequest(
        @NotNull @Size(max = 256)
        List<@NotNull @Size(max = 200) @Pattern(regexp = Patterns.PERMISSION, message = Patterns.PERMISSION_MESSAGE) String> permissions,
        @NotBlank @Size(max = 2000) String reason) {
}
