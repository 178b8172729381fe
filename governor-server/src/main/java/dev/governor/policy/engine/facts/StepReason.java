package dev.governor.policy.engine.facts;

import dev.governor.policy.Outcome;

/** One reason a plan step's own evaluation gave, {@code position} its place in that list. */
public record StepReason(int step, int position, String code, Outcome outcome, String message) {
    public int getStep() { return step; }
    public int getPosition() { return position; }
    public String getCode() { return code; }
    public Outcome getOutcome() { return outcome; }
    public String getMessage() { return message; }
}
