package dev.governor.client;

import java.time.OffsetDateTime;
import java.util.UUID;

/** One outcome report as Governor stored it ({@code POST /v1/decisions/{id}/outcome}). */
public record OutcomeReport(UUID id, UUID decisionId, OutcomeStatus status, boolean incident, String detail,
                            OffsetDateTime reportedAt) {

    /** The request body; {@code incident} null lets the server apply its default. */
    record Body(OutcomeStatus status, Boolean incident, String detail) {
    }
}
