package dev.governor.policy.engine;

import dev.governor.policy.BlastRadius;
import dev.governor.policy.Evaluation;
import dev.governor.policy.EvaluationInput;
import dev.governor.policy.EvaluationInput.UsageTotals;
import dev.governor.policy.Outcome;
import dev.governor.policy.engine.DmnTables.Result;
import dev.governor.policy.engine.DmnTables.Row;
import dev.governor.policy.engine.facts.ActionFact;
import dev.governor.policy.engine.facts.Verdict;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The two tables around approvals: {@code budgets.dmn} (running totals of an agent's mutations
 * against limits per window) and {@code approval-ttl.dmn} (how long an approval may stay open).
 */
final class BudgetTable {

    private BudgetTable() {
    }

    /** One BUDGET_EXCEEDED verdict per budget row that this action would take over a limit. */
    static List<Verdict> check(DmnTables tables, EvaluationInput input, ActionFact action, Trace trace) {
        if (!action.mutating()) return List.of();
        Result result = tables.evaluate(DmnTables.BUDGETS, Map.of("tier", action.tier().name()));
        List<?> outputs = result.value() instanceof List<?> l ? l : List.of();
        List<Verdict> verdicts = new ArrayList<>();
        for (int i = 0; i < outputs.size() && i < result.rows().size(); i++) {
            Map<?, ?> limit = (Map<?, ?>) outputs.get(i);
            Row row = result.rows().get(i);
            Duration window = Duration.parse((String) limit.get("window"));
            String scope = "ALL".equals(limit.get("scope")) ? null : action.environment();
            UsageTotals before = input.budgetUsage() == null ? UsageTotals.none(window, scope)
                    : input.budgetUsage().within(window, scope);
            String crossed = crossed(limit, before, action);
            if (crossed == null) {
                trace.add(row.firing(null, null));
                continue;
            }
            Outcome outcome = Outcome.valueOf((String) limit.get("outcome"));
            trace.add(row.firing("BUDGET_EXCEEDED", outcome));
            Verdict verdict = Verdict.from(outcome, "BUDGET_EXCEEDED", "agent " + input.agentId() + " would exceed its "
                    + window.toString().substring(2).toLowerCase() + " budget "
                    + (scope == null ? "across all environments" : "in " + scope) + ": " + crossed, row.source());
            verdict.aboutBudget(new Evaluation.BudgetRef(row.rowId(), window, scope));
            verdicts.add(verdict);
        }
        return verdicts;
    }

    /** "records 10,400 > 10,000" for the first figure over its limit, counting this action; null if none. */
    private static String crossed(Map<?, ?> limit, UsageTotals before, ActionFact action) {
        String[] names = {"actions", "records", "users", "monetary value"};
        String[] keys = {"maxActions", "maxRecords", "maxUsers", "maxMonetaryValue"};
        BigDecimal[] totals = {BigDecimal.valueOf(before.actions() + 1),
                BigDecimal.valueOf(before.records() + action.records()),
                BigDecimal.valueOf(before.users() + action.users()),
                before.monetaryValue().add(action.monetaryValue())};
        for (int k = 0; k < keys.length; k++) {
            if (limit.get(keys[k]) instanceof BigDecimal max && totals[k].compareTo(max) > 0) {
                return names[k] + " " + totals[k].toPlainString() + " with this action > limit " + max.toPlainString();
            }
        }
        return null;
    }

    /** The approval time to live for this blast radius, or null when no row applies. */
    static Duration approvalTtl(DmnTables tables, BlastRadius blastRadius, Trace trace) {
        Result result = tables.evaluate(DmnTables.APPROVAL_TTL, Map.of("blastRadius", blastRadius.name()));
        result.rows().forEach(r -> trace.add(r.firing(null, null)));
        return result.value() instanceof String ttl ? Duration.parse(ttl) : null;
    }
}
