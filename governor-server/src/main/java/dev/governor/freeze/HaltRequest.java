package dev.governor.freeze;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Body of {@code POST /v1/halt}: why every agent must stop. */
public record HaltRequest(@NotBlank @Size(max = 2000) String reason) {
}
