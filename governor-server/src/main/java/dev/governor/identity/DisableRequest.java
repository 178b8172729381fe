package dev.governor.identity;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** The body of {@code POST /v1/users/{name}/disable}. */
public record DisableRequest(@NotBlank @Size(max = 2000) String reason) {
}
