package dev.governor.autonomy;

import jakarta.validation.constraints.Size;

/** Body of {@code POST /v1/promotions/{id}/approve|reject}; the comment is kept with the promotion. */
public record SignOff(@Size(max = 2000) String comment) {
}
