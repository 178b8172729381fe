package dev.governor.policy.engine.facts;

import dev.governor.policy.Outcome;

/**
 * A row of decision-tables/prerequisites.dmn that applies to the action: the step that must
 * have come first in the same session, with the outcome it must have reported.
 */
public record Prerequisite(String source, String requires, String requiredOutcome, Outcome outcome) {
    public String getSource() { return source; }
    public String getRequires() { return requires; }
    public String getRequiredOutcome() { return requiredOutcome; }
    public Outcome getOutcome() { return outcome; }
}
