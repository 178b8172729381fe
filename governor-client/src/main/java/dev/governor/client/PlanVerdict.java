package dev.governor.client;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** The answer to {@code POST /v1/plans}: each step judged, the plan weighed as a whole, one outcome. */
public record PlanVerdict(UUID planId, Outcome outcome, List<StepResult> steps, CumulativeImpact cumulativeImpact,
                          List<Decision.Reason> reasons, Decision.ApprovalRef approval, String policyVersion,
                          OffsetDateTime createdAt) {

    public PlanVerdict {
        steps = steps == null ? List.of() : List.copyOf(steps);
        reasons = reasons == null ? List.of() : List.copyOf(reasons);
    }

    public record StepResult(int index, Outcome outcome, String reversibility, String blastRadius,
                             List<Decision.Reason> reasons) {
    }

    /** A figure is null (unknown) when a mutating step left it undeclared. */
    public record CumulativeImpact(Long records, Long users, BigDecimal monetaryValue, String blastRadius) {
    }
}
