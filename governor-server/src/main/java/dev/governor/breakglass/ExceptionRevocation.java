package dev.governor.breakglass;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Body of {@code POST /v1/exceptions/{id}/revoke}: why it ends early. */
public record ExceptionRevocation(@NotBlank @Size(max = 2000) String reason) {
}
