package dev.governor.decision;

import com.fasterxml.jackson.databind.JsonNode;
import dev.governor.approval.ApprovalView;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * What {@code GET /v1/decisions/{id}} returns: the stored record of one decision.
 * {@code facts} are what the policy saw: the agent as registered at that moment, the freezes
 * in force, the inputs and the clock. {@code outcomes} are what the agent reported afterwards
 * ({@code POST /v1/decisions/{id}/outcome}), oldest first. {@code approvalEvents} are the state
 * changes (opened, approved, rejected, expired, consumed: who and when) of the approvals it
 * opened or used. {@code outcome} is the answer (as in {@code response}); {@code policyVerdict}
 * is what the policy said before any approval or plan step the request named was taken into
 * account (null for records stored before both were kept, when the request named one).
 */
public record DecisionRecord(
        UUID decisionId,
        String agentId,
        String sessionId,
        JsonNode request,
        JsonNode facts,
        JsonNode response,
        String outcome,
        PolicyVerdict policyVerdict,
        List<RuleFired> rulesFired,
        List<TableRowMatched> tableRowsMatched,
        List<String> errors,
        String policyVersion,
        OffsetDateTime decidedAt,
        long latencyMicros,
        List<ReportedOutcome> outcomes,
        List<ApprovalView.Event> approvalEvents) {

    /** A record as the store reads it; the approval events are joined in by the decision service. */
    public DecisionRecord(UUID decisionId, String agentId, String sessionId, JsonNode request, JsonNode facts,
                          JsonNode response, String outcome, PolicyVerdict policyVerdict, List<RuleFired> rulesFired,
                          List<TableRowMatched> tableRowsMatched, List<String> errors, String policyVersion,
                          OffsetDateTime decidedAt, long latencyMicros, List<ReportedOutcome> outcomes) {
        this(decisionId, agentId, sessionId, request, facts, response, outcome, policyVerdict, rulesFired,
                tableRowsMatched, errors, policyVersion, decidedAt, latencyMicros, outcomes, List.of());
    }

    public DecisionRecord withApprovalEvents(List<ApprovalView.Event> events) {
        return new DecisionRecord(decisionId, agentId, sessionId, request, facts, response, outcome, policyVerdict,
                rulesFired, tableRowsMatched, errors, policyVersion, decidedAt, latencyMicros, outcomes,
                List.copyOf(events));
    }

    /** The policy's verdict before any approval effect, and its reasons (as an answer's reasons). */
    public record PolicyVerdict(String outcome, JsonNode reasons) {
    }

    public record RuleFired(int seq, String file, String rule, String reasonCode, String outcome) {
    }

    public record TableRowMatched(int seq, String file, String table, String rowId, Integer row,
                                  String reasonCode, String outcome) {
    }

    /** A rule fired or a table row matched, as the audit record and the trace list it. */
    public record Firing(int seq, String kind, String file, String name, String rowId, Integer row,
                         String reasonCode, String outcome) {
    }
}
