package dev.governor.policy.engine;

import dev.governor.policy.BlastRadius;
import dev.governor.policy.Evaluation;
import dev.governor.policy.EvaluationInput;
import dev.governor.policy.EvaluationInput.UsageTotals;
import dev.governor.policy.Figures;
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

    /**
     * One BUDGET_EXCEEDED verdict per budget row that this action would take over a limit, and one
     * MISSING_EVIDENCE verdict (the row's unknownOutcome) per row whose limited figure is unknown,
     * in this action or in one counted before it: such a total cannot be shown within the limit.
     */
    static List<Verdict> check(DmnTables tables, EvaluationInput input, ActionFact action, Trace trace) {
        if (!action.mutating()) return List.of();
        Result result = tables.evaluate(DmnTables.BUDGETS, Map.of("tier", action.tier().name()));
        List<?> outputs = result.value() instanceof List<?> l ? l : List.of();
        List<Verdict> verdicts = new ArrayList<>();
        for (int i = 0; i < outputs.size() && i < result.rows().size(); i++) {
            Map<?, ?> limit = (Map<?, ?>) outputs.get(i);
            Row row = result.rows().get(i);
            Duration window = Duration.parse((String) limit.get("window"));
            // Counted by registered name: prod and production share one budget.
            String scope = "ALL".equals(limit.get("scope")) ? null : action.environmentName();
            UsageTotals before = input.budgetUsage() == null ? UsageTotals.none(window, scope)
                    : input.budgetUsage().within(window, scope);
            String crossed = crossed(limit, before, action);
            String unknown = crossed == null ? unknown(limit, before, action) : null;
            if (unknown != null) {
                // A row that leaves unknownOutcome empty falls back to its own outcome: never ALLOW.
                Outcome outcome = limit.get("unknownOutcome") instanceof String o ? Outcome.valueOf(o)
                        : Outcome.valueOf((String) limit.get("outcome"));
                trace.add(row.firing("MISSING_EVIDENCE", outcome));
                Verdict verdict = Verdict.from(outcome, "MISSING_EVIDENCE", "the " + describe(window, scope)
                        + " cannot be shown within its limits: " + unknown + " not declared (" + row.source() + ")",
                        row.source());
                verdict.aboutBudget(new Evaluation.BudgetRef(row.rowId(), window, scope));
                verdicts.add(verdict);
                continue;
            }
            if (crossed == null) {
                trace.add(row.firing(null, null));
                continue;
            }
            Outcome outcome = Outcome.valueOf((String) limit.get("outcome"));
            trace.add(row.firing("BUDGET_EXCEEDED", outcome));
            Verdict verdict = Verdict.from(outcome, "BUDGET_EXCEEDED", "agent " + input.agentId() + " would exceed its "
                    + describe(window, scope) + ": " + crossed, row.source());
            verdict.aboutBudget(new Evaluation.BudgetRef(row.rowId(), window, scope));
            verdicts.add(verdict);
        }
        return verdicts;
    }

    private static final String[] NAMES = {"actions", "records", "users", "monetary value"};
    private static final String[] KEYS = {"maxActions", "maxRecords", "maxUsers", "maxMonetaryValue"};

    private static String describe(Duration window, String scope) {
        return window.toString().substring(2).toLowerCase() + " budget "
                + (scope == null ? "across all environments" : "in " + scope);
    }

    /** The running totals counting this action; an entry is null when a figure in it is unknown. */
    private static BigDecimal[] totals(UsageTotals before, ActionFact action) {
        Long records = Figures.add(before.records(), action.records());
        Long users = Figures.add(before.users(), action.users());
        return new BigDecimal[]{BigDecimal.valueOf(before.actions() + 1),
                records == null ? null : BigDecimal.valueOf(records),
                users == null ? null : BigDecimal.valueOf(users),
                Figures.add(before.monetaryValue(), action.monetaryValue())};
    }

    /** "records 10,400 > 10,000" for the first known figure over its limit, counting this action; null if none. */
    private static String crossed(Map<?, ?> limit, UsageTotals before, ActionFact action) {
        BigDecimal[] totals = totals(before, action);
        for (int k = 0; k < KEYS.length; k++) {
            if (limit.get(KEYS[k]) instanceof BigDecimal max && totals[k] != null && totals[k].compareTo(max) > 0) {
                return NAMES[k] + " " + totals[k].toPlainString() + " with this action > limit " + max.toPlainString();
            }
        }
        return null;
    }

    /** "records, monetary value": the limited figures whose total is unknown; null if none. */
    private static String unknown(Map<?, ?> limit, UsageTotals before, ActionFact action) {
        BigDecimal[] totals = totals(before, action);
        List<String> unknown = new ArrayList<>();
        for (int k = 0; k < KEYS.length; k++) {
            if (limit.get(KEYS[k]) instanceof BigDecimal && totals[k] == null) unknown.add(NAMES[k]);
        }
        return unknown.isEmpty() ? null : String.join(", ", unknown);
    }

    /** The approval time to live for this blast radius, or null when no row applies. */
    static Duration approvalTtl(DmnTables tables, BlastRadius blastRadius, Trace trace) {
        Result result = tables.evaluate(DmnTables.APPROVAL_TTL, Map.of("blastRadius", blastRadius.name()));
        result.rows().forEach(r -> trace.add(r.firing(null, null)));
        return result.value() instanceof String ttl ? Duration.parse(ttl) : null;
    }
}
