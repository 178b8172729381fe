package dev.governor.freeze;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.time.OffsetDateTime;

/** Body of {@code POST /v1/halts}: what to stop, why, and until when (no end: until lifted). */
public record ScopedHaltRequest(
        @NotNull HaltScope scope,
        @NotBlank @Size(max = 320) @Pattern(regexp = "^[^\\p{Cntrl}]*$", message = "must not contain control characters")
        String value,
        @NotBlank @Size(max = 2000) String reason,
        OffsetDateTime until) {
}
