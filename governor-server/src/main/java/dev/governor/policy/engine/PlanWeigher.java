package dev.governor.policy.engine;

import dev.governor.policy.BlastRadius;
import dev.governor.policy.EnvironmentTier;
import dev.governor.policy.Figures;
import dev.governor.policy.Evaluation;
import dev.governor.policy.EvaluationInput;
import dev.governor.policy.EvaluationInput.ActionFacts;
import dev.governor.policy.PlanEvaluation;
import dev.governor.policy.PlanEvaluation.Cumulative;
import dev.governor.policy.engine.facts.CumulativeImpact;
import dev.governor.policy.engine.facts.Decision;
import dev.governor.policy.engine.facts.PendingApprovalsFact;
import dev.governor.policy.engine.facts.PlanFact;
import dev.governor.policy.engine.facts.PlannedStep;
import dev.governor.policy.engine.facts.Say;
import dev.governor.policy.engine.facts.StepReason;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A plan weighed as a whole: the facts rules/plans.drl looks at (each step as its own evaluation
 * answered it, and the mutating steps' impact summed per environment and classified by
 * decision-tables/blast-radius.dmn), then the plan rules run and the plan's combining rule folds.
 */
final class PlanWeigher {

    private PlanWeigher() {
    }

    static PlanEvaluation weigh(Evaluator evaluator, List<EvaluationInput> inputs,
                                Function<EvaluationInput, Evaluation> evaluateStep) {
        if (inputs == null || inputs.isEmpty()) throw new IllegalArgumentException("a plan needs at least one step");
        List<Evaluation> steps = new ArrayList<>();
        List<EvaluationInput.SessionStep> planned = new ArrayList<>();
        for (EvaluationInput input : inputs) {
            // A plan's steps are a session: each is judged after the ones planned before it.
            List<EvaluationInput.SessionStep> session = new ArrayList<>(input.known().session());
            session.addAll(planned);
            Evaluation e = evaluateStep.apply(input.withKnown(input.known().withSession(session)));
            steps.add(e);
            planned.add(new EvaluationInput.SessionStep(null, input.now(), input.action().type(), e.outcome(),
                    e.dataClasses(), null, true, true));
        }
        Trace trace = new Trace(evaluator.rules().origins());
        List<Cumulative> cumulative = cumulative(evaluator, inputs, steps, trace);

        List<Object> facts = new ArrayList<>();
        facts.add(new PlanFact(inputs.get(0).agentId(), steps.size()));
        facts.add(new PendingApprovalsFact(inputs.get(0).pendingApprovals()));
        for (int i = 0; i < steps.size(); i++) {
            ActionFacts a = inputs.get(i).action();
            Evaluation e = steps.get(i);
            facts.add(new PlannedStep(i, a.type(), a.environment(), e.mutating(), e.reversibility(), e.blastRadius(),
                    a.rollbackPlan(), e.outcome()));
            for (int r = 0; r < e.reasons().size(); r++) {
                Evaluation.Reason reason = e.reasons().get(r);
                facts.add(new StepReason(i, r, reason.code(), reason.outcome(), reason.message()));
            }
        }
        cumulative.forEach(c -> facts.add(new CumulativeImpact(c.environment(), c.records(), c.users(),
                c.monetaryValue(), c.blastRadius(), c.worstStep())));
        Decision decision = evaluator.run(trace, facts);
        if (decision.getOutcome() == null) {
            throw new IllegalStateException("the plan's combining rule (rules/plans.drl) did not conclude");
        }
        List<Evaluation.Reason> reasons = decision.getReasons().stream()
                .sorted(Comparator.comparing(Say::getOutcome).reversed()).map(Say::toReason).toList();
        return new PlanEvaluation(decision.getOutcome(), steps, cumulative, reasons, trace.firings(),
                evaluator.version());
    }

    private static List<Cumulative> cumulative(Evaluator evaluator, List<EvaluationInput> inputs,
                                               List<Evaluation> steps, Trace trace) {
        // Summed per registered environment: steps split over aliases (prod, production) add up.
        Map<String, List<Integer>> byEnvironment = new LinkedHashMap<>();
        Map<String, EnvironmentTier> tiers = new LinkedHashMap<>();
        for (int i = 0; i < steps.size(); i++) {
            if (steps.get(i).mutating()) {
                EnvironmentTable.Resolved env = evaluator.environment(inputs.get(i).action().environment(), trace);
                byEnvironment.computeIfAbsent(env.name(), e -> new ArrayList<>()).add(i);
                tiers.merge(env.name(), env.tier(), (x, y) -> x.compareTo(y) >= 0 ? x : y);
            }
        }
        List<Cumulative> out = new ArrayList<>();
        byEnvironment.forEach((environment, indexes) -> {
            Long records = indexes.stream().map(i -> inputs.get(i).action().records()).reduce(0L, Figures::add);
            Long users = indexes.stream().map(i -> inputs.get(i).action().users()).reduce(0L, Figures::add);
            BigDecimal money = indexes.stream().map(i -> inputs.get(i).action().monetaryValue())
                    .reduce(BigDecimal.ZERO, Figures::add);
            BlastRadius worst = indexes.stream().map(i -> steps.get(i).blastRadius())
                    .reduce(BlastRadius.LOW, (a, b) -> a.compareTo(b) >= 0 ? a : b);
            out.add(new Cumulative(environment, records, users, money, evaluator.blastRadius(users, records, money, tiers.get(environment), trace), worst));
        });
        return out;
    }
}
