package dev.governor.policy.engine.facts;

/** Present only when a whole plan is weighed (rules/plans.drl), never in a decision's evaluation. */
public record PlanFact(String agentId, int steps) {
    public String getAgentId() { return agentId; }
    public int getSteps() { return steps; }
}
