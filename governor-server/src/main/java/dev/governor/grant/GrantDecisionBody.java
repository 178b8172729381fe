package dev.governor.grant;

import jakarta.validation.constraints.Size;

/** Body of {@code POST /v1/grant-requests/{id}/approve|reject}. */
public record GrantDecisionBody(@Size(max = 2000) String comment) {
}
