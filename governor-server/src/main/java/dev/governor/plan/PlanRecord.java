package dev.governor.plan;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** What {@code GET /v1/plans/{id}} returns: the plan as verified, and which steps have run. */
public record PlanRecord(UUID planId, String agentId, String sessionId, JsonNode request, JsonNode response,
                         List<StepState> steps) {

    /** {@code executedBy} is the decision that executed the step, null while it has not run. */
    public record StepState(int index, String outcome, UUID executedBy, OffsetDateTime executedAt) {
    }
}
