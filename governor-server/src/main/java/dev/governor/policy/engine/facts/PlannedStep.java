package dev.governor.policy.engine.facts;

import dev.governor.policy.BlastRadius;
import dev.governor.policy.Outcome;
import dev.governor.policy.Reversibility;

import java.util.Collection;
import java.util.List;

/** One step of a plan being weighed, as its own evaluation classified and answered it. */
public record PlannedStep(int index, String type, String environment, boolean mutating, Reversibility reversibility,
                          BlastRadius blastRadius, String rollbackPlan, Outcome outcome) {

    public int getIndex() { return index; }
    public String getType() { return type; }
    public String getEnvironment() { return environment; }
    public boolean isMutating() { return mutating; }
    public Reversibility getReversibility() { return reversibility; }
    public BlastRadius getBlastRadius() { return blastRadius; }
    public Outcome getOutcome() { return outcome; }
    public boolean hasRollbackPlan() { return rollbackPlan != null && !rollbackPlan.isBlank(); }

    public static List<Outcome> outcomesOf(Collection<?> steps) {
        return steps.stream().map(s -> ((PlannedStep) s).outcome).toList();
    }

    /** The steps' outcomes and the verdicts' outcomes, as one list. */
    public static List<Outcome> outcomesWith(Collection<?> steps, Collection<?> verdicts) {
        List<Outcome> all = new java.util.ArrayList<>(outcomesOf(steps));
        all.addAll(Say.outcomesOf(verdicts));
        return all;
    }

    /** "[0, 2]": the indexes, in order, for messages. */
    public static String indexesOf(Collection<?> steps) {
        return steps.stream().map(s -> ((PlannedStep) s).index).sorted().toList().toString();
    }
}
