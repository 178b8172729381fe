package dev.governor.decision;

import java.time.OffsetDateTime;
import java.util.UUID;

/** One outcome report. Reports are history: a later one never replaces an earlier one. */
public record ReportedOutcome(UUID id, UUID decisionId, OutcomeStatus status, boolean incident, String detail,
                              OffsetDateTime reportedAt) {
}
