package dev.governor.policy.engine;

import dev.governor.policy.BlastRadius;
import dev.governor.policy.EnvironmentTier;
import dev.governor.policy.EvaluationInput;
import dev.governor.policy.EvaluationInput.ActionFacts;
import dev.governor.policy.Reversibility;
import dev.governor.policy.Targets;
import dev.governor.policy.engine.DmnTables.Result;
import dev.governor.policy.engine.facts.ActionFact;
import dev.governor.policy.engine.facts.SessionStepFact;
import dev.governor.policy.engine.facts.Verdict;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The action as Governor knows it, beyond the agent's own description: its target's sensitivity
 * and registered assets (which raise reversibility, blast radius and tier, never lower them),
 * whether it sends data out, what must have come before it, and the steps before it. The tables
 * and registers say what; Java only folds them into the facts the rules weigh.
 */
final class Grounding {

    private Grounding() {
    }

    /** The action as Governor knows it, and the facts about its target and session the rules weigh. */
    record Grounded(ActionFact action, List<Object> facts) {
    }

    static Grounded ground(DmnTables tables, AssetSheet assets, EvaluationInput input, String type,
                           Evaluator.Classification classified, Trace trace, List<Verdict> verdicts) {
        ActionFacts a = input.action();
        int dot = type.indexOf('.');
        String target = Targets.normalise(a.target());
        boolean mutating = classified.mutating();
        TargetTables.Sensitivity sensitive = TargetTables.sensitivity(tables, target, mutating, trace);
        List<EvaluationInput.AssetFacts> matched = new ArrayList<>(assets.matching(target, trace));
        matched.addAll(input.known().assets());
        RegisteredAssets registered = RegisteredAssets.of(matched);
        EnvironmentTable.Resolved env = EnvironmentTable.resolve(tables, a.environment(), mutating, trace, verdicts);
        EnvironmentTier tier = TargetTables.max(env.tier(), registered.tier());
        Long records = RegisteredAssets.effective(a.records(), registered.records());
        Long users = RegisteredAssets.effective(a.users(), registered.users());
        BigDecimal money = RegisteredAssets.effective(a.monetaryValue(), registered.monetaryValue());
        Reversibility reversibility = TargetTables.max(classified.reversibility(), sensitive.reversibilityFloor());
        BlastRadius blastRadius = blastRadius(tables, users, records, money, tier, trace);
        if (mutating) {
            blastRadius = TargetTables.max(TargetTables.max(blastRadius, sensitive.blastRadiusFloor()), registered.criticality());
        }
        Set<String> classes = new LinkedHashSet<>(sensitive.dataClasses());
        classes.addAll(registered.dataClasses());
        TargetTables.Egress egress = TargetTables.egress(tables, type, target, trace);
        ActionFact action = new ActionFact(type, dot < 0 ? type : type.substring(0, dot), dot < 0 ? "" : type.substring(dot + 1),
                mutating, a.environment(), env.name(), tier, env.listed(), a.target(), records, users, money,
                a.rollbackPlan(), reversibility, blastRadius, env.tier(), registered.tier(), registered.sources(), classes,
                mutating ? null : sensitive.readAs(), egress.egress(), egress.channel());
        List<Object> facts = new ArrayList<>(sensitive.rows());
        facts.addAll(TargetTables.prerequisites(tables, type, tier, trace));
        for (EvaluationInput.SessionStep step : input.known().session()) {
            facts.add(new SessionStepFact(step.decisionId(), step.at(), step.actionType(), step.outcome(),
                    Set.copyOf(step.dataClasses()), step.reportedOutcome(), step.sameSession(), step.planned()));
        }
        return new Grounded(action, facts);
    }

    /** A null figure is unknown: the table's *-unknown rows say how severe that is. */
    static BlastRadius blastRadius(DmnTables tables, Long users, Long records, BigDecimal money, EnvironmentTier tier,
                                   Trace trace) {
        Map<String, Object> in = new HashMap<>();
        in.put("users", number(users));
        in.put("records", number(records));
        in.put("monetaryValue", money);
        in.put("tier", tier.name());
        Result result = tables.evaluate(DmnTables.BLAST_RADIUS, in);
        result.rows().forEach(r -> trace.add(r.firing(null, null)));
        return result.value() == null ? BlastRadius.CRITICAL : BlastRadius.valueOf((String) result.value());
    }

    static BigDecimal number(Long figure) {
        return figure == null ? null : BigDecimal.valueOf(figure);
    }
}
