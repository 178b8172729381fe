package dev.governor.policy.engine.facts;

import dev.governor.policy.Evaluation;
import dev.governor.policy.Outcome;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

/**
 * What a rule or table row says about the request: an outcome, a reason code, a message, where
 * it came from and, when it is about something in particular, its subject (see the subclasses).
 */
public abstract class Say {

    private final Outcome outcome;
    private final String code;
    private final String message;
    private String source;
    private final List<Evaluation.InputRef> inputs = new ArrayList<>();
    private Integer stepIndex;
    private UUID planId;
    private Evaluation.BudgetRef budget;
    private UUID approvalId;

    protected Say(Outcome outcome, String code, String message) {
        this.outcome = outcome;
        this.code = code;
        this.message = message;
    }

    public static List<Outcome> outcomesOf(Collection<?> says) {
        return says.stream().map(v -> ((Say) v).outcome).toList();
    }

    public static List<Outcome> outcomesOf(Collection<?> these, Collection<?> those) {
        List<Outcome> all = new ArrayList<>(outcomesOf(these));
        all.addAll(outcomesOf(those));
        return all;
    }

    /** The distinct reason codes, in order: "HIGH_BLAST_RADIUS, DATA_CONFLICT". */
    public static String codesOf(Collection<?> says) {
        return String.join(", ", says.stream().map(v -> ((Say) v).code).distinct().toList());
    }

    public Outcome getOutcome() { return outcome; }

    public String getCode() { return code; }

    public String getMessage() { return message; }

    public String getSource() { return source; }

    /** Set once by the engine when a rule inserts the verdict. */
    public void attribute(String source) {
        if (this.source == null) this.source = source;
    }

    /** About this input (a data-quality finding); may be called for each input it names. */
    public Say about(InputFact input) {
        inputs.add(new Evaluation.InputRef(input.getSource(), input.getMetric()));
        return this;
    }

    public Say aboutStep(UUID planId, int stepIndex) {
        this.planId = planId;
        this.stepIndex = stepIndex;
        return this;
    }

    public Say aboutStep(int stepIndex) {
        this.stepIndex = stepIndex;
        return this;
    }

    public Say aboutPlan(UUID planId) {
        this.planId = planId;
        return this;
    }

    public Say aboutApproval(UUID approvalId) {
        this.approvalId = approvalId;
        return this;
    }

    public Say aboutBudget(Evaluation.BudgetRef budget) {
        this.budget = budget;
        return this;
    }

    public Evaluation.Reason toReason() {
        boolean none = inputs.isEmpty() && stepIndex == null && planId == null && budget == null && approvalId == null;
        return new Evaluation.Reason(code, outcome, message, source,
                none ? null : new Evaluation.Subject(inputs, stepIndex, planId, budget, approvalId));
    }

    @Override
    public String toString() {
        return outcome + " " + code + " (" + source + "): " + message;
    }
}
