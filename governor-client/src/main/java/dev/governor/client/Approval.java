package dev.governor.client;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** What {@code GET /v1/approvals/{id}} shows: the action to sign off, its state and every change. */
public record Approval(UUID id, ApprovalStatus status, UUID decisionId, UUID planId, String agentId, String owner,
                       JsonNode action, JsonNode reasons, OffsetDateTime createdAt, OffsetDateTime expiresAt,
                       OffsetDateTime decidedAt, String decidedBy, String comment, List<Event> events) {

    public Approval {
        events = events == null ? List.of() : List.copyOf(events);
    }

    public record Event(String type, String actor, OffsetDateTime at, String comment, UUID decisionId) {
    }
}
