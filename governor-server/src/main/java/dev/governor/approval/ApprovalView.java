package dev.governor.approval;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * What {@code GET /v1/approvals/{id}} shows an approver: what is to be done (the action, or a
 * plan's steps), by which agent on whose behalf, why it needs sign-off, the agent's own
 * reasoning, and every state change so far.
 *
 * @param request the decision or plan request as the agent sent it (action, inputs, reasoning)
 * @param reasons why it needs sign-off (the policy reasons of the decision or plan)
 */
public record ApprovalView(
        UUID id,
        ApprovalStatus status,
        UUID decisionId,
        UUID planId,
        String agentId,
        String owner,
        JsonNode action,
        JsonNode reasoning,
        JsonNode reasons,
        JsonNode request,
        String actionHash,
        OffsetDateTime createdAt,
        OffsetDateTime expiresAt,
        OffsetDateTime decidedAt,
        String decidedBy,
        String comment,
        OffsetDateTime consumedAt,
        UUID consumedBy,
        long version,
        List<Event> events) {

    /** One state change; {@code actor} is the approver, the agent, or {@code governor} for expiry. */
    public record Event(String type, String actor, OffsetDateTime at, String comment, UUID decisionId) {
    }
}
