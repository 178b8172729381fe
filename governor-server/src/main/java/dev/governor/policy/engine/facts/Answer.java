package dev.governor.policy.engine.facts;

import dev.governor.policy.Outcome;

/** The answer once rules/combining.drl has concluded; the rules that ask for effects match on it. */
public record Answer(Outcome outcome) {
    public Outcome getOutcome() { return outcome; }
}
