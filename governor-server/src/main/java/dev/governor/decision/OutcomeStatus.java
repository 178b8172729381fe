package dev.governor.decision;

/** What became of an action after Governor decided on it, as the agent reports it. */
public enum OutcomeStatus {
    SUCCEEDED,
    FAILED,
    ROLLED_BACK
}
