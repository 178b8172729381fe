package dev.governor.freeze;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.time.OffsetDateTime;

/** Body of {@code POST /v1/freezes}; {@code from} defaults to now, {@code environment} may be {@code *}. */
public record FreezeRequest(
        @NotNull @Pattern(regexp = "^(\\*|[a-z0-9][a-z0-9_-]{0,63})$",
                message = "must be an environment name (lowercase letters, digits, '_' or '-') or '*' for all")
        String environment,
        OffsetDateTime from,
        @NotNull OffsetDateTime until,
        @NotBlank @Size(max = 2000) String reason) {
}
