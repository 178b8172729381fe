package dev.governor.decision;

import dev.governor.policy.EvaluationInput.PlanStepFacts;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * The plan steps a decision may execute. The plan package owns plans and implements this, so a
 * decision reaches plan steps without the decision package depending on the plan package (which
 * depends on it to judge each step like a decision).
 */
public interface PlanStepAuthority {

    /**
     * The step with its plan and the plan's approval, locked until the decision commits, so that
     * each step runs at most once and the last one is known.
     */
    PlanStepFacts lockStep(UUID planId, int stepIndex, String actionHash);

    /** Marks the step executed by this decision; a step already executed is a conflict (409). */
    void markExecuted(UUID planId, int stepIndex, UUID decisionId, OffsetDateTime at);

    /** Records the step's execution in the audit chain, binding the plan as it now stands; after {@link #markExecuted}. */
    void recordExecuted(UUID planId, int stepIndex, UUID decisionId);
}
