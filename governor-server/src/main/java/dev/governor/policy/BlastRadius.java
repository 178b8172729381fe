package dev.governor.policy;

/** How much an action can hurt if it goes wrong, from the declared impact and environment. */
public enum BlastRadius {
    LOW,
    MEDIUM,
    HIGH,
    CRITICAL
}
