package dev.governor.policy.engine.facts;

import dev.governor.policy.Outcome;

/**
 * A row of decision-tables/sensitive-targets.dmn that the action's target matches, with the
 * outcome the row gives this action (its change outcome for a change, its read outcome for a
 * read); null when the row only names a data class.
 */
public record SensitiveTarget(String source, String dataClass, Outcome outcome, String message) {
    public String getSource() { return source; }
    public String getDataClass() { return dataClass; }
    public Outcome getOutcome() { return outcome; }
    public String getMessage() { return message; }
}
