package dev.governor.policy;

/** How far an action can be undone. Unknown action types are IRREVERSIBLE (fail safe). */
public enum Reversibility {
    REVERSIBLE,
    PARTIALLY_REVERSIBLE,
    IRREVERSIBLE
}
