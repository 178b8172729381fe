package dev.governor.policy;

/**
 * The four graduated autonomy levels, least trusted first. A policy input (the gate table reads
 * it), so it lives with the policy; the agent package stores an agent's level.
 */
public enum AutonomyLevel {
    /** Proposes only; humans execute. Mutations are answered RECOMMEND. */
    OBSERVE,
    /** Every mutation needs sign-off. */
    ACT_WITH_APPROVAL,
    /** Reversible, low-impact actions run alone. */
    ROUTINE,
    /** Acts alone within its boundaries; irreversible or high-impact actions still need sign-off. */
    AUTONOMOUS
}
