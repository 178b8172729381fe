package dev.governor.policy.engine.facts;

import dev.governor.policy.Outcome;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/**
 * An earlier step of the agent's work, as Governor recorded it: one of the same session (the
 * request's sessionId, or its plan), or one of the agent's own recent steps in another session
 * or none, so that an agent cannot leave a session behind by naming a new one.
 *
 * @param sameSession     the step belongs to the request's session or plan
 * @param planned         the step is an earlier step of the plan being verified, not yet executed:
 *                        its outcome is the verdict it would get, and nothing is reported for it
 * @param reportedOutcome what the agent reported afterwards (SUCCEEDED, FAILED, ROLLED_BACK), or null
 */
public record SessionStepFact(UUID decisionId, Instant at, String actionType, Outcome outcome,
                              Set<String> dataClasses, String reportedOutcome, boolean sameSession, boolean planned) {
    public UUID getDecisionId() { return decisionId; }
    public Instant getAt() { return at; }
    public String getActionType() { return actionType; }
    public Outcome getOutcome() { return outcome; }
    public Set<String> getDataClasses() { return dataClasses; }
    public String getReportedOutcome() { return reportedOutcome; }
    public boolean isSameSession() { return sameSession; }
    public boolean isPlanned() { return planned; }

    /** Carried out: allowed when it was decided (a step that was denied or is waiting did not happen). */
    public boolean isAllowed() { return outcome == Outcome.ALLOW; }

    /** Touched data of one of these classes. */
    public boolean touched(String... classes) {
        for (String c : classes) if (dataClasses.contains(c)) return true;
        return false;
    }

    /** What to call it in a message. */
    public String describe() {
        return planned ? "the plan's earlier step " + actionType
                : actionType + " (decision " + decisionId + " at " + at + ")";
    }
}
