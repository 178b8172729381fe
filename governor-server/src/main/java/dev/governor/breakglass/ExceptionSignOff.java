package dev.governor.breakglass;

import jakarta.validation.constraints.Size;

/** Body of {@code POST /v1/exceptions/{id}/approve} (optional); the comment is kept with the approval. */
public record ExceptionSignOff(@Size(max = 2000) String comment) {
}
