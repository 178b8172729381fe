package dev.governor.autonomy;

import dev.governor.policy.PromotionStep;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A promotion as the API shows it, with the evidence it was judged by when asked for
 * ({@code criteria} repeats the evidence's, as the contract names them).
 *
 * @param override true when an admin asked for it past unmet criteria ({@code overrideReason} says why);
 *                 it still needs a second person's sign-off
 */
public record Promotion(UUID id, String agentId, PromotionStep.Change change, String from, String to, Status status,
                        List<CriterionResult> criteria, String justification, boolean override, String overrideReason, String requestedBy,
                        Instant requestedAt, String owner, StepEvidence evidence, String policyVersion,
                        String criteriaVersion, String decidedBy, Instant decidedAt, String comment) {

    /** REFUSED: asked for with criteria unmet and no override; kept so that the attempts are on record. */
    public enum Status { PENDING, APPROVED, REJECTED, REFUSED }
}
