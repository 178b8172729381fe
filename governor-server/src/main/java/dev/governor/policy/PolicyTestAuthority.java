package dev.governor.policy;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.UUID;

/**
 * Reads the approval ({@code given.approval}) and plan step ({@code given.planStep}) a scenario's
 * request names, as the decision service would have found them stored. Everything but the
 * status (and a plan's outcome) has a default: the approval exists, belongs to the case's agent,
 * covers this exact action and expires in an hour; the plan exists, is the agent's, has the
 * step, and the step is the last one not yet executed.
 */
final class PolicyTestAuthority {

    static final UUID APPROVAL_ID = UUID.fromString("00000000-0000-0000-0000-0000000000a1");
    static final UUID PLAN_ID = UUID.fromString("00000000-0000-0000-0000-0000000000b1");

    private PolicyTestAuthority() {
    }

    static EvaluationInput.ApprovalFacts approval(JsonNode a, String agentId, Instant now, String where) {
        return approval(a, agentId, null, now, where + " approval");
    }

    static EvaluationInput.PlanStepFacts planStep(JsonNode p, String agentId, Instant now, String where) {
        if (p == null || p.isNull()) return null;
        PolicyTestReader.allow(p, where + " planStep", "planId", "stepIndex", "planExists", "planAgentId",
                "planOutcome", "stepExists", "actionMatches", "executedBy", "executedAt", "lastStep", "approval");
        UUID planId = uuid(p, "planId", PLAN_ID);
        int index = p.path("stepIndex").asInt(0);
        if (!p.path("planExists").asBoolean(true)) return EvaluationInput.PlanStepFacts.unknownPlan(planId, index);
        return new EvaluationInput.PlanStepFacts(planId, index, true, p.path("planAgentId").asText(agentId),
                Outcome.valueOf(PolicyTestReader.text(p, "planOutcome")), p.path("stepExists").asBoolean(true),
                p.path("actionMatches").asBoolean(true), uuid(p, "executedBy", null), time(p, "executedAt", null, now),
                p.path("lastStep").asBoolean(true), approval(p.get("approval"), agentId, planId, now,
                where + " planStep.approval"));
    }

    private static EvaluationInput.ApprovalFacts approval(JsonNode a, String agentId, UUID planId, Instant now,
                                                          String where) {
        if (a == null || a.isNull()) return null;
        PolicyTestReader.allow(a, where, "id", "exists", "planId", "agentId", "actionMatches", "status", "expiresAt",
                "decidedBy", "decidedAt", "comment", "consumedBy", "consumedAt");
        UUID id = uuid(a, "id", APPROVAL_ID);
        if (!a.path("exists").asBoolean(true)) return EvaluationInput.ApprovalFacts.unknown(id);
        return new EvaluationInput.ApprovalFacts(id, true, uuid(a, "planId", planId), a.path("agentId").asText(agentId),
                a.path("actionMatches").asBoolean(true), ApprovalState.valueOf(PolicyTestReader.text(a, "status")),
                time(a, "expiresAt", "+1h", now), PolicyTestReader.optional(a, "decidedBy"),
                time(a, "decidedAt", null, now), PolicyTestReader.optional(a, "comment"), uuid(a, "consumedBy", null),
                time(a, "consumedAt", null, now));
    }

    private static UUID uuid(JsonNode node, String key, UUID otherwise) {
        return node.hasNonNull(key) ? UUID.fromString(node.get(key).asText()) : otherwise;
    }

    private static Instant time(JsonNode node, String key, String otherwise, Instant now) {
        String value = node.hasNonNull(key) ? node.get(key).asText() : otherwise;
        return value == null ? null : PolicyTestReader.time(value, now);
    }
}
