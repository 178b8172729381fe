package dev.governor.agent;

/** The four graduated autonomy levels, least trusted first. */
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
