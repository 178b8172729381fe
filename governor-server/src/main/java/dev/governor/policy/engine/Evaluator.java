package dev.governor.policy.engine;

import dev.governor.policy.BlastRadius;
import dev.governor.policy.Effect;
import dev.governor.policy.EnvironmentTier;
import dev.governor.policy.Evaluation;
import dev.governor.policy.EvaluationInput;
import dev.governor.policy.EvaluationInput.ActionFacts;
import dev.governor.policy.Outcome;
import dev.governor.policy.Reversibility;
import dev.governor.policy.engine.DmnTables.Result;
import dev.governor.policy.engine.DmnTables.Row;
import dev.governor.policy.engine.facts.*;
import org.kie.api.runtime.KieSession;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * One evaluation: classify the action with the DMN tables, run the gate and the budgets, then
 * let the Drools rules (DRL and spreadsheets) add their verdicts, weigh the approval or plan step
 * the request names, and fold everything into the policy's verdict and the answer. Nothing here
 * decides an outcome; it gathers facts for the rules and reads back what they concluded.
 */
final class Evaluator {

    private final RuleBase rules;
    private final DmnTables tables;
    private final String version;
    private final int maxRuleFirings;
    private final AssetSheet assets;

    Evaluator(RuleBase rules, DmnTables tables, AssetSheet assets, String version, int maxRuleFirings) {
        this.rules = rules;
        this.tables = tables;
        this.assets = assets;
        this.version = version;
        this.maxRuleFirings = maxRuleFirings;
    }

    String version() {
        return version;
    }

    DmnTables tables() {
        return tables;
    }

    RuleBase rules() {
        return rules;
    }

    /** How reversibility.dmn classifies an action type: how far it can be undone, and whether it changes anything. */
    record Classification(Reversibility reversibility, boolean mutating) {
    }

    Evaluation evaluate(EvaluationInput input) {
        if (input == null) throw new IllegalArgumentException("no evaluation input");
        if (input.now() == null) throw new IllegalArgumentException("no evaluation time (now)");
        ActionFacts a = input.action();
        if (a == null) throw new IllegalArgumentException("no action");
        String type = a.type() == null ? "" : a.type().trim();
        int dot = type.indexOf('.');
        String verb = dot < 0 ? "" : type.substring(dot + 1);

        Trace trace = new Trace(rules.origins());
        List<Verdict> verdicts = new ArrayList<>();
        Classification classified = classify(type, verb, trace, verdicts);
        Grounding.Grounded grounded = Grounding.ground(tables, assets, input, type, classified, trace, verdicts);
        ActionFact action = grounded.action();
        if (input.agent() != null && input.agent().autonomyLevel() != null) {
            verdicts.addAll(gate(input.agent().autonomyLevel().name(), action, trace));
        }
        if (input.agent() != null) verdicts.addAll(BudgetTable.check(tables, input, action, trace));

        List<Object> facts = facts(input, action, verdicts);
        Set<String> families = new LinkedHashSet<>();
        facts.forEach(f -> {
            if (f instanceof MetricFamily m) families.add(m.name().toLowerCase());
        });
        facts.addAll(RequiredEvidenceTable.rows(tables, action, families, trace));
        facts.addAll(grounded.facts());
        Decision decision = run(trace, facts);
        if (decision.getOutcome() == null || decision.getVerdict() == null) {
            throw new IllegalStateException("the combining rule (rules/combining.drl) did not conclude");
        }
        List<Effect> effects = trace.effects();
        Duration ttl = effects.contains(Effect.OPEN_APPROVAL)
                ? BudgetTable.approvalTtl(tables, action.blastRadius(), trace) : null;
        return new Evaluation(decision.getOutcome(), action.reversibility(), action.blastRadius(),
                reasons(decision.getOutcome(), decision.getReasons()), trace.firings(), List.of(), version, ttl,
                new Evaluation.PolicyVerdict(decision.getVerdict(), reasons(decision.getVerdict(), decision.getVerdicts())),
                classified.mutating(), effects, trace.approvalBound(), action.environmentName(),
                action.dataClasses().stream().sorted().toList(), action.tier());
    }

    /**
     * One rule session per evaluation, halted if the deadline passes, and refused past
     * {@code maxRuleFirings} (a rule that keeps re-firing itself); always disposed.
     */
    Decision run(Trace trace, List<Object> facts) {
        Decision decision = new Decision();
        KieSession session = rules.kieBase().newKieSession();
        try {
            Deadline.onCancel(session::halt);
            session.addEventListener(trace.agendaListener());
            session.addEventListener(trace.insertListener());
            session.setGlobal("decision", decision);
            facts.forEach(session::insert);
            int fired = session.fireAllRules(maxRuleFirings + 1);
            if (Deadline.cancelled()) throw new Deadline.Exceeded("the evaluation was halted at its deadline");
            if (fired > maxRuleFirings) {
                throw new Deadline.Exceeded("the rules fired more than " + maxRuleFirings
                        + " times in one evaluation (governor.policy.max-rule-firings)");
            }
            return decision;
        } finally {
            session.dispose();
        }
    }

    /**
     * The first matching row of reversibility.dmn. A type no row classifies, or a row that leaves
     * a column empty, is treated as IRREVERSIBLE and mutating: fail safe.
     */
    Classification classify(String type, String verb, Trace trace, List<Verdict> verdicts) {
        Result result = tables.evaluate(DmnTables.REVERSIBILITY, Map.of("actionType", type, "verb", verb));
        Map<?, ?> out = result.value() instanceof Map<?, ?> m ? m : Map.of();
        Row row = result.rows().isEmpty() ? null : result.rows().get(0);
        Verdict verdict = row == null ? null : row.verdict(out);
        if (row != null) trace.add(row.firing(verdict == null ? null : verdict.getCode(),
                verdict == null ? null : verdict.getOutcome()));
        boolean mutating = !Boolean.FALSE.equals(out.get("mutating"));
        if (out.get("reversibility") == null || row == null) {
            // The shipped table ends in a catch-all row (rev-unknown); an edited one may not.
            verdicts.add(Verdict.from(Outcome.REQUIRE_APPROVAL, "UNKNOWN_ACTION_TYPE",
                    "no row of decision-tables/reversibility.dmn classifies " + type + "; treated as IRREVERSIBLE",
                    "decision-tables/reversibility.dmn#no-matching-row"));
            return new Classification(Reversibility.IRREVERSIBLE, true);
        }
        if (verdict != null) verdicts.add(verdict);
        return new Classification(Reversibility.valueOf((String) out.get("reversibility")), mutating);
    }

    /** The environment's tier, as environments.dmn gives it (for a plan's summed impact). */
    EnvironmentTable.Resolved environment(String environment, Trace trace) {
        return EnvironmentTable.resolve(tables, environment, true, trace, new ArrayList<>());
    }

    /** A null figure is unknown: the table's *-unknown rows say how severe that is. */
    BlastRadius blastRadius(Long users, Long records, BigDecimal money, EnvironmentTier tier, Trace trace) {
        return Grounding.blastRadius(tables, users, records, money, tier, trace);
    }

    private List<Verdict> gate(String level, ActionFact action, Trace trace) {
        Map<String, Object> in = new HashMap<>();
        in.put("autonomyLevel", level);
        in.put("mutating", action.mutating());
        in.put("reversibility", action.reversibility().name());
        in.put("blastRadius", action.blastRadius().name());
        in.put("environment", action.environment());
        in.put("tier", action.tier().name());
        in.put("actionType", action.type());
        in.put("users", Grounding.number(action.users()));
        in.put("records", Grounding.number(action.records()));
        in.put("monetaryValue", action.monetaryValue());
        Result result = tables.evaluate(DmnTables.GATE, in);
        List<?> outputs = result.value() instanceof List<?> l ? l : List.of();
        List<Verdict> verdicts = new ArrayList<>();
        // COLLECT returns one output per selected row, in row order.
        for (int i = 0; i < outputs.size() && i < result.rows().size(); i++) {
            Map<?, ?> out = (Map<?, ?>) outputs.get(i);
            Row row = result.rows().get(i);
            Outcome outcome = Outcome.valueOf((String) out.get("outcome"));
            String code = (String) out.get("reasonCode");
            trace.add(row.firing(code, outcome));
            verdicts.add(Verdict.from(outcome, code, (String) out.get("message"), row.source()));
        }
        return verdicts;
    }


    private List<Object> facts(EvaluationInput input, ActionFact action, List<Verdict> verdicts) {
        return facts(input, action, verdicts, codes -> codes.stream()
                .filter(code -> ExceptionLimits.of(tables, code).liftable()).collect(Collectors.toSet()));
    }

    private static List<Object> facts(EvaluationInput input, ActionFact action, List<Verdict> verdicts,
                                      Function<List<String>, Set<String>> liftable) {
        List<Object> facts = new ArrayList<>(verdicts);
        facts.add(new RequestFact(input.agentId(), input.now()));
        facts.add(new PendingApprovalsFact(input.pendingApprovals()));
        facts.add(action);
        var agent = input.agent();
        if (agent != null) {
            facts.add(new AgentFact(agent.id(), agent.suspended(), agent.autonomyLevel(),
                    agent.environments(), agent.permissions(), agent.orphaned(), agent.endedGrants()));
        }
        var token = input.known().token();
        if (token != null) {
            facts.add(new TokenFact(token.token(), token.sessionId(), token.permissions(), token.expiresAt(),
                    token.requestSessionId()));
        }
        Set<String> families = new LinkedHashSet<>();
        for (var in : input.inputs()) {
            if (in == null) continue;
            InputFact fact = new InputFact(in.source(), in.metric(), in.value(), in.observedAt(), input.now());
            facts.add(fact);
            families.add(fact.getFamily());
            InputHistory history = InputHistory.of(fact, earlierValues(input, in));
            if (history != null) facts.add(history);
        }
        families.forEach(f -> facts.add(new MetricFamily(f)));
        for (var f : input.freezes()) {
            if (f != null) facts.add(new FreezeFact(f.id(), f.environment(), f.until(), f.reason()));
        }
        if (input.halt() != null) {
            facts.add(new HaltFact(input.halt().reason(), input.halt().by(), input.halt().since()));
        }
        for (var h : input.known().halts()) {
            facts.add(new ScopedHaltFact(h.id(), h.scope(), h.value(), h.reason(), h.by(), h.until()));
        }
        for (var e : input.known().exceptions()) {
            facts.add(new ExceptionFact(e.id(), e.agentId(), Set.copyOf(e.actionTypes()), e.targets(),
                    liftable.apply(e.reasonCodes()), e.until(), e.approvedBy()));
        }
        if (input.approval() != null) facts.add(new ApprovalFact(true, input.approval(), input.now()));
        if (input.planStep() != null) {
            facts.add(new PlanStepFact(input.planStep()));
            if (input.planStep().approval() != null) {
                facts.add(new ApprovalFact(false, input.planStep().approval(), input.now()));
            }
        }
        return facts;
    }

    /** The values observed before for the input's source and metric, oldest first (none: empty). */
    private static List<BigDecimal> earlierValues(EvaluationInput input, EvaluationInput.InputFacts in) {
        return input.known().history().stream()
                .filter(h -> Objects.equals(h.source(), in.source()) && Objects.equals(h.metric(), in.metric()))
                .findFirst().map(h -> h.values().stream().filter(Objects::nonNull)
                        .map(EvaluationInput.ObservedValue::value).filter(Objects::nonNull).toList())
                .orElse(List.of());
    }

    /**
     * Every non-ALLOW reason, most restrictive first; for ALLOW, the ones that allowed. An
     * exception's EXCEPTION_APPLIED is always kept: a decision made under one says so.
     */
    static List<Evaluation.Reason> reasons(Outcome outcome, List<Say> verdicts) {
        return verdicts.stream()
                .filter(v -> v instanceof ExceptionVerdict
                        || (outcome == Outcome.ALLOW ? v.getOutcome() == Outcome.ALLOW : v.getOutcome() != Outcome.ALLOW))
                .sorted(Comparator.comparing(Say::getOutcome).reversed())
                .map(Say::toReason)
                .toList();
    }
}
