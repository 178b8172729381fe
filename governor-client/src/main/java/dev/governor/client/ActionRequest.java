package dev.governor.client;

import com.fasterxml.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * The body of {@code POST /v1/decisions}: what the agent is about to do, and why. Null fields are
 * left out of the JSON, which for an impact figure means <em>unknown</em> (never 0): declare 0 for
 * a figure the action does not touch.
 */
public record ActionRequest(String agentId, String sessionId, UUID approvalId, UUID planId, Integer stepIndex,
                            Action action, List<Input> inputs, Reasoning reasoning, JsonNode expectedEffect) {

    public static ActionRequest of(String agentId, String sessionId, Action action) {
        return new ActionRequest(agentId, sessionId, null, null, null, action, null, null, null);
    }

    public ActionRequest withInputs(List<Input> newInputs) {
        return new ActionRequest(agentId, sessionId, approvalId, planId, stepIndex, action, newInputs, reasoning,
                expectedEffect);
    }

    public ActionRequest withReasoning(Reasoning newReasoning) {
        return new ActionRequest(agentId, sessionId, approvalId, planId, stepIndex, action, inputs, newReasoning,
                expectedEffect);
    }

    /** The same request executing an approval: the server checks the action is the identical one. */
    public ActionRequest withApproval(UUID id) {
        return new ActionRequest(agentId, sessionId, id, null, null, action, inputs, reasoning, expectedEffect);
    }

    /** The same request executing step {@code index} of a verified plan. */
    public ActionRequest asPlanStep(UUID id, int index) {
        return new ActionRequest(agentId, sessionId, null, id, index, action, inputs, reasoning, expectedEffect);
    }

    /** {@code type} is {@code <resource>.<verb>}, e.g. {@code config.update}. */
    public record Action(String type, String environment, String target, Impact impact, String rollbackPlan) {
    }

    /** A null figure is unknown, and judged as at least as severe as a declared one could be. */
    public record Impact(Long records, Long users, BigDecimal monetaryValue) {
    }

    public record Input(String source, String metric, BigDecimal value, OffsetDateTime observedAt) {
    }

    /** Stored with the decision for incident review, never evaluated. */
    public record Reasoning(String goal, String prompt, String rationale, List<String> alternatives,
                            JsonNode toolCall) {
    }
}
