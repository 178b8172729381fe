package dev.governor.decision;

import jakarta.validation.constraints.Size;

/** The body of {@code POST /v1/decisions/{id}/outcome/confirm} and {@code .../dispute}. */
public record ReviewRequest(@Size(max = 2000) String comment) {
}
