package dev.governor.plan;

import dev.governor.policy.BlastRadius;
import dev.governor.policy.Evaluation;
import dev.governor.policy.EvaluationInput;
import dev.governor.policy.EvaluationInput.ActionFacts;
import dev.governor.policy.Outcome;
import dev.governor.policy.Reversibility;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The plan weighed as a whole, beyond what each step's own evaluation says. These checks are
 * Governor's, not policy-file rules; their sources are {@code governor#plans/...}.
 */
final class PlanChecks {

    static final String SOURCE = "governor#plans/";

    private PlanChecks() {
    }

    /** What the checks look at for one step: its action and the policy's verdict on it. */
    record StepFacts(int index, ActionFacts action, Evaluation evaluation) {
    }

    /** The summed impact per environment, and its blast radius as {@code classify} gives it. */
    record Cumulative(String environment, ActionFacts sum, BlastRadius blastRadius, BlastRadius worstStep) {
    }

    static List<Cumulative> cumulative(List<StepFacts> steps, Function<ActionFacts, BlastRadius> classify) {
        Map<String, List<StepFacts>> byEnvironment = new LinkedHashMap<>();
        steps.stream().filter(s -> s.action().isMutating())
                .forEach(s -> byEnvironment.computeIfAbsent(s.action().environment(), e -> new ArrayList<>()).add(s));
        List<Cumulative> out = new ArrayList<>();
        byEnvironment.forEach((environment, list) -> {
            ActionFacts first = list.get(0).action();
            ActionFacts sum = new ActionFacts(first.type(), environment, "plan",
                    list.stream().mapToLong(s -> s.action().records()).sum(),
                    list.stream().mapToLong(s -> s.action().users()).sum(),
                    list.stream().map(s -> s.action().monetaryValue()).reduce(BigDecimal.ZERO, BigDecimal::add),
                    first.rollbackPlan());
            BlastRadius worst = list.stream().map(s -> s.evaluation().blastRadius())
                    .reduce(BlastRadius.LOW, (a, b) -> a.compareTo(b) >= 0 ? a : b);
            out.add(new Cumulative(environment, sum, classify.apply(sum), worst));
        });
        return out;
    }

    static List<Evaluation.Reason> weigh(List<StepFacts> steps, List<Cumulative> cumulative) {
        List<Evaluation.Reason> reasons = new ArrayList<>();
        for (Cumulative c : cumulative) {
            if (c.blastRadius().compareTo(BlastRadius.HIGH) >= 0 && c.blastRadius().compareTo(c.worstStep()) > 0) {
                reasons.add(new Evaluation.Reason("HIGH_BLAST_RADIUS", Outcome.REQUIRE_APPROVAL,
                        "together the steps in " + c.environment() + " touch " + c.sum().users() + " users, "
                                + c.sum().records() + " records and " + c.sum().monetaryValue().toPlainString()
                                + " in value: blast radius " + c.blastRadius() + ", though no single step is "
                                + c.blastRadius(), SOURCE + "cumulative-impact"));
            }
        }
        List<Integer> irreversible = new ArrayList<>();
        for (StepFacts s : steps) {
            ActionFacts a = s.action();
            Reversibility r = s.evaluation().reversibility();
            if (a.isMutating() && r == Reversibility.IRREVERSIBLE) irreversible.add(s.index());
            if (a.isMutating() && r != Reversibility.REVERSIBLE && (a.rollbackPlan() == null || a.rollbackPlan().isBlank())) {
                reasons.add(new Evaluation.Reason("NO_ROLLBACK_PLAN", Outcome.REQUIRE_APPROVAL, "step " + s.index()
                        + " (" + a.type() + ") is " + r + " and names no rollback plan", SOURCE + "rollback-plan"));
            }
            s.evaluation().reasons().stream()
                    .filter(x -> x.code().equals("PERMISSION_NOT_GRANTED") || x.code().equals("ENVIRONMENT_NOT_ALLOWED"))
                    .findFirst()
                    .ifPresent(x -> reasons.add(new Evaluation.Reason(x.code(), Outcome.DENY, "step " + s.index()
                            + " is not covered by the agent's permissions: " + x.message(), SOURCE + "permissions")));
        }
        if (irreversible.size() > 1) {
            reasons.add(new Evaluation.Reason("MULTIPLE_IRREVERSIBLE_STEPS", Outcome.REQUIRE_APPROVAL,
                    "steps " + irreversible + " are all IRREVERSIBLE; a human should see them together",
                    SOURCE + "irreversible-steps"));
        }
        return reasons;
    }

    /** The cumulative check asks the engine about a sum; only its blast radius is used. */
    static EvaluationInput sumInput(EvaluationInput template, ActionFacts sum) {
        return new EvaluationInput(template.agentId(), template.agent(), sum, List.of(), List.of(), template.now());
    }
}
