package dev.governor.decision;

import java.time.OffsetDateTime;
import java.util.UUID;

/** A review as the API shows it; {@code actor} is the human's name, or {@code verifier}. */
public record OutcomeReview(UUID reviewId, UUID decisionId, int seq, ReviewVerdict verdict, String actor,
                            String comment, OffsetDateTime reviewedAt) {
}
