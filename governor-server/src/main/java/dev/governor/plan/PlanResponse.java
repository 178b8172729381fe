package dev.governor.plan;

import dev.governor.decision.DecisionResponse;
import dev.governor.policy.BlastRadius;
import dev.governor.policy.Outcome;
import dev.governor.policy.Reversibility;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * The answer to {@code POST /v1/plans}: each step as a decision would judge it, the plan weighed
 * as a whole ({@code reasons}), and one outcome, the most restrictive of all of them.
 */
public record PlanResponse(
        UUID planId,
        Outcome outcome,
        List<StepResult> steps,
        CumulativeImpact cumulativeImpact,
        List<DecisionResponse.Reason> reasons,
        DecisionResponse.ApprovalRef approval,
        String policyVersion,
        OffsetDateTime createdAt) {

    public record StepResult(int index, Outcome outcome, Reversibility reversibility, BlastRadius blastRadius,
                             List<DecisionResponse.Reason> reasons) {
    }

    /** The mutating steps' impact summed, and the blast radius the blast-radius table gives that sum. */
    /** A figure is null (unknown) when a mutating step left it undeclared. */
    public record CumulativeImpact(Long records, Long users, BigDecimal monetaryValue, BlastRadius blastRadius) {
    }
}
