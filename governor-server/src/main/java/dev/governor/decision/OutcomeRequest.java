package dev.governor.decision;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** The body of {@code POST /v1/decisions/{id}/outcome}; {@code incident} defaults to false. */
public record OutcomeRequest(@NotNull OutcomeStatus status, Boolean incident, @Size(max = 4000) String detail) {
}
