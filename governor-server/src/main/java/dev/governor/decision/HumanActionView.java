package dev.governor.decision;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.OffsetDateTime;
import java.util.UUID;

/** A recorded human action as the API shows it. */
public record HumanActionView(UUID humanActionId, UUID decisionId, int seq, HumanAction action,
                              HumanActionEntity.Source source, JsonNode actionTaken, String actor, String comment,
                              OffsetDateTime actedAt) {
}
