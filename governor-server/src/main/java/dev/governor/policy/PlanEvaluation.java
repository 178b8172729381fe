package dev.governor.policy;

import java.math.BigDecimal;
import java.util.List;

/**
 * A plan weighed as a whole: each step evaluated as a decision would be, the mutating steps'
 * impact summed per environment, and the plan rules ({@code rules/plans.drl}) applied.
 *
 * @param outcome the most restrictive of the steps' answers and the plan's own reasons
 * @param reasons the plan's own reasons (beyond each step's), most restrictive first
 */
public record PlanEvaluation(Outcome outcome, List<Evaluation> steps, List<Cumulative> cumulative,
                             List<Evaluation.Reason> reasons, List<Evaluation.Firing> firings, String policyVersion) {

    public PlanEvaluation {
        steps = List.copyOf(steps);
        cumulative = List.copyOf(cumulative);
        reasons = List.copyOf(reasons);
        firings = List.copyOf(firings);
    }

    /**
     * The mutating steps in one environment, summed, and the blast radius the table gives the sum;
     * a figure is null (unknown) when any step left it undeclared.
     */
    public record Cumulative(String environment, Long records, Long users, BigDecimal monetaryValue,
                             BlastRadius blastRadius, BlastRadius worstStep) {
    }
}
