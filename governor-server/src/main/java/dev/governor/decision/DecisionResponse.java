package dev.governor.decision;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.governor.policy.BlastRadius;
import dev.governor.policy.Evaluation;
import dev.governor.policy.Outcome;
import dev.governor.policy.Reversibility;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * The answer to {@code POST /v1/decisions}.
 *
 * @param receipt the signed receipt an executor checks before acting (README "Decision receipts");
 *                only in the answer itself, never in the stored record, which the chain covers already
 */
public record DecisionResponse(
        UUID decisionId,
        Outcome outcome,
        Reversibility reversibility,
        BlastRadius blastRadius,
        List<Reason> reasons,
        ApprovalRef approval,
        String policyVersion,
        OffsetDateTime decidedAt,
        @JsonInclude(JsonInclude.Include.NON_NULL) String receipt) {

    public DecisionResponse withReceipt(String signed) {
        return new DecisionResponse(decisionId, outcome, reversibility, blastRadius, reasons, approval, policyVersion,
                decidedAt, signed);
    }

    /**
     * @param outcome what this reason alone asks for; the decision's outcome is the most
     *                restrictive of them
     * @param source  the policy file and rule or table row behind it
     * @param subject what it is about (inputs, plan step, budget row and window, approval), when
     *                it is about something in particular
     */
    public record Reason(String code, Outcome outcome, String message, String source,
                         @JsonInclude(JsonInclude.Include.NON_NULL) Evaluation.Subject subject) {
        public Reason(String code, Outcome outcome, String message, String source) {
            this(code, outcome, message, source, null);
        }

        public static Reason of(Evaluation.Reason r) {
            return new Reason(r.code(), r.outcome(), r.message(), r.source(), r.subject());
        }
    }

    /** Present when the outcome is REQUIRE_APPROVAL, or when the request named an approval. */
    public record ApprovalRef(UUID id, String status, OffsetDateTime expiresAt) {
    }
}
