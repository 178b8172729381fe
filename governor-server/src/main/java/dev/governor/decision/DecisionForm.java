package dev.governor.decision;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.governor.audit.ChainHash;

import java.util.List;
import java.util.UUID;

/**
 * A stored decision in the one form its audit record binds: every column of {@code decisions}
 * and every firing, the JSON columns as the exact text stored, times as the chain writes them.
 * Built alike when the decision is written and when the verifier reads it back, so a changed
 * outcome, response, request, fact or firing changes its hash.
 */
record DecisionForm(UUID decisionId, String agentId, String sessionId, UUID approvalId, UUID planId,
                    Integer stepIndex, String actionType, String environment, String outcome, String policyVerdict,
                    String verdictReasonsJson, String reversibility, String blastRadius, String policyVersion,
                    String requestJson, String responseJson, String factsJson, String errorsJson, String decidedAt,
                    long latencyMicros, List<DecisionRecord.Firing> firings,
                    // Omitted when null, so a decision recorded before the column existed keeps its hash.
                    @JsonInclude(JsonInclude.Include.NON_NULL) String dataClasses,
                    @JsonInclude(JsonInclude.Include.NON_NULL) Boolean mutating,
                    @JsonInclude(JsonInclude.Include.NON_NULL) String agentKind) {

    static final String KIND = "decision";

    static DecisionForm of(DecisionEntity e) {
        return new DecisionForm(e.id, e.agentId, e.sessionId, e.approvalId, e.planId, e.stepIndex, e.actionType,
                e.environment, e.outcome, e.policyVerdict, e.verdictReasonsJson, e.reversibility, e.blastRadius,
                e.policyVersion, e.requestJson, e.responseJson, e.factsJson, e.errorsJson,
                ChainHash.formatAt(e.decidedAt.toInstant()), e.latencyMicros,
                e.firings.stream().sorted(java.util.Comparator.comparingInt(f -> f.seq)).map(f -> new DecisionRecord.Firing(f.seq, f.kind, f.file, f.name, f.rowId,
                        f.rowIndex, f.reasonCode, f.outcome)).toList(), e.dataClasses, e.mutating, e.agentKind);
    }
}
