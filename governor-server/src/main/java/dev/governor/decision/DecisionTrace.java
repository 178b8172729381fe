package dev.governor.decision;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * {@code GET /v1/decisions/{id}/trace}: the story of one decision in the order it happened.
 * Sensitive fields appear as stored, i.e. as {@code hmac-sha256:...}.
 *
 * @param request        what the agent asked and why, and what Governor knew (agent, freezes, clock)
 * @param inputs         each input with its age at decision time and the data-quality findings about it
 * @param firings        every rule fired and table row matched, in evaluation order
 * @param verdict        the answer the agent received, and the policy's verdict before any approval
 * @param approvalEvents the approval this decision opened or used: opened, approved/rejected by whom, when
 * @param outcomes       what the agent reported afterwards
 * @param auditRecords   the audit chain records about this decision and its approvals
 */
public record DecisionTrace(UUID decisionId, String agentId, String sessionId, OffsetDateTime decidedAt,
                            String policyVersion, Request request, List<TracedInput> inputs,
                            List<DecisionRecord.Firing> firings, Verdict verdict, List<ApprovalEvent> approvalEvents,
                            List<ReportedOutcome> outcomes, List<AuditRef> auditRecords) {

    public record Request(JsonNode action, JsonNode reasoning, JsonNode approvalId, JsonNode planId,
                          JsonNode stepIndex, JsonNode agent, JsonNode freezes, JsonNode now) {
    }

    /** {@code findings} are the DATA_STALE / DATA_CONFLICT / DATA_ANOMALY reasons naming this input. */
    public record TracedInput(int index, JsonNode source, JsonNode metric, JsonNode value, JsonNode observedAt,
                              Long ageSeconds, List<JsonNode> findings) {
    }

    public record Verdict(JsonNode outcome, JsonNode reversibility, JsonNode blastRadius, JsonNode reasons,
                          JsonNode approval, List<String> errors, long latencyMicros,
                          DecisionRecord.PolicyVerdict policyVerdict) {
    }

    public record ApprovalEvent(String approvalId, String type, String actor, String at, String comment) {
    }

    public record AuditRef(long seq, String kind, String at, String hash) {
    }
}
