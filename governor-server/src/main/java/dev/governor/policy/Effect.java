package dev.governor.policy;

/**
 * A state change an evaluation asks for. The policy decides which apply; the caller applies them
 * in the decision's transaction, always to the subjects it gathered (the approval and plan step
 * the request named), never to anything a rule names.
 */
public enum Effect {
    /** Use up the approval the answer relied on (single use). */
    CONSUME_APPROVAL,
    /** Mark the plan step the request named as executed by this decision (each step runs once). */
    MARK_STEP_EXECUTED,
    /** Open a new PENDING approval for this exact action. */
    OPEN_APPROVAL,
    /** Count this action against the agent's budgets. */
    RECORD_BUDGET_USAGE
}
