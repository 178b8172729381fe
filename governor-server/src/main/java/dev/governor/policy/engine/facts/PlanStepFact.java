package dev.governor.policy.engine.facts;

import dev.governor.policy.EvaluationInput.PlanStepFacts;
import dev.governor.policy.Outcome;

import java.util.UUID;

/** The plan step a request names ({@code planId}, {@code stepIndex}), with its plan as verified. */
public record PlanStepFact(PlanStepFacts facts) {

    public UUID getPlanId() { return facts.planId(); }
    public int getStepIndex() { return facts.stepIndex(); }
    public boolean isPlanExists() { return facts.planExists(); }
    public String getPlanAgentId() { return facts.planAgentId(); }
    public Outcome getPlanOutcome() { return facts.planOutcome(); }
    public boolean isStepExists() { return facts.stepExists(); }
    public boolean isActionMatches() { return facts.actionMatches(); }
    public UUID getExecutedBy() { return facts.executedBy(); }
    public boolean isExecuted() { return facts.executedBy() != null; }
    public boolean isLastStep() { return facts.lastStep(); }
    public boolean isHasApproval() { return facts.approval() != null && facts.approval().exists(); }

    /** "step 2 of plan 6f1c…", for messages. */
    public String describe() {
        return "step " + facts.stepIndex() + " of plan " + facts.planId();
    }
}
