package dev.governor.decision;

import dev.governor.policy.BlastRadius;
import dev.governor.policy.Evaluation;
import dev.governor.policy.Outcome;
import dev.governor.policy.Reversibility;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** The answer to {@code POST /v1/decisions}. */
public record DecisionResponse(
        UUID decisionId,
        Outcome outcome,
        Reversibility reversibility,
        BlastRadius blastRadius,
        List<Reason> reasons,
        ApprovalRef approval,
        String policyVersion,
        OffsetDateTime decidedAt) {

    /**
     * @param outcome what this reason alone asks for; the decision's outcome is the most
     *                restrictive of them
     * @param source  the policy file and rule or table row behind it
     */
    public record Reason(String code, Outcome outcome, String message, String source) {
        public static Reason of(Evaluation.Reason r) {
            return new Reason(r.code(), r.outcome(), r.message(), r.source());
        }
    }

    /** Present when the outcome is REQUIRE_APPROVAL, or when the request named an approval. */
    public record ApprovalRef(UUID id, String status, OffsetDateTime expiresAt) {
    }
}
