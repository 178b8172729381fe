package dev.governor.policy.engine;

import dev.governor.policy.EnvironmentTier;
import dev.governor.policy.EvidenceMetric;
import dev.governor.policy.PolicyLoadException.Problem;
import dev.governor.policy.PromotionCriteria;
import dev.governor.policy.PromotionCriteria.Criterion;
import dev.governor.policy.PromotionStep;
import dev.governor.policy.engine.DmnTables.Result;
import dev.governor.policy.engine.DmnTables.Row;
import org.kie.dmn.api.core.DMNModel;
import org.kie.dmn.model.api.DecisionRule;
import org.kie.dmn.model.api.DecisionTable;
import org.kie.dmn.model.api.OutputClause;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code autonomy-promotion.dmn}: the criteria of one step up, a row each. The load refuses a row
 * whose criterion is not an {@link EvidenceMetric} (so a misspelled or invented metric, elapsed
 * time for one, can never quietly pass or block), whose window is not an ISO duration, or that
 * gives neither or both of minimum and maximum.
 */
final class PromotionTable {

    private PromotionTable() {
    }

    static PromotionCriteria criteria(DmnTables tables, PromotionStep step, String version, String criteriaVersion) {
        Trace trace = new Trace(Map.of());
        String from;
        String to;
        if (step.change() == PromotionStep.Change.LEVEL) {
            from = step.level() == null ? "" : step.level().name();
            to = step.target() == null ? "" : step.target();
        } else {
            from = step.environments().stream().map(e -> tier(tables, e, trace))
                    .max(Enum::compareTo).map(Enum::name).orElse("");
            to = tier(tables, step.target(), trace).name();
        }
        Map<String, Object> in = new HashMap<>();
        in.put("change", step.change().name());
        in.put("fromStep", from);
        in.put("toStep", to);
        Result result = tables.evaluate(DmnTables.PROMOTION, in);
        List<?> outputs = result.value() instanceof List<?> l ? l : List.of();
        List<Criterion> criteria = new ArrayList<>();
        for (int i = 0; i < outputs.size() && i < result.rows().size(); i++) {
            Map<?, ?> out = (Map<?, ?>) outputs.get(i);
            Row row = result.rows().get(i);
            trace.add(row.firing(null, null));
            criteria.add(new Criterion(EvidenceMetric.byKey((String) out.get("criterion")).orElseThrow(),
                    (BigDecimal) out.get("minimum"), (BigDecimal) out.get("maximum"),
                    Duration.parse((String) out.get("window")), row.source()));
        }
        return new PromotionCriteria(from, to, !criteria.isEmpty(), criteria, trace.firings(), List.of(), version,
                criteriaVersion);
    }

    /** A tier named as such covers the whole tier; any other name is what environments.dmn says (unlisted: PRODUCTION). */
    private static EnvironmentTier tier(DmnTables tables, String environment, Trace trace) {
        for (EnvironmentTier tier : EnvironmentTier.values()) {
            if (tier.name().equalsIgnoreCase(environment)) return tier;
        }
        return EnvironmentTable.resolve(tables, environment, true, trace, new ArrayList<>()).tier();
    }

    /** The load-time checks of every row, named by row id. */
    static List<Problem> check(DMNModel model, String path) {
        List<Problem> problems = new ArrayList<>();
        var decision = model.getDecisionByName(DmnTables.PROMOTION);
        if (!(decision.getDecision().getExpression() instanceof DecisionTable table)) {
            return List.of(new Problem(path, null, "'" + DmnTables.PROMOTION + "' must be a decision table"));
        }
        List<String> names = table.getOutput().stream().map(OutputClause::getName).toList();
        for (String needed : List.of("criterion", "minimum", "maximum", "window")) {
            if (!names.contains(needed)) problems.add(new Problem(path, null, "needs an output column '" + needed + "'"));
        }
        if (!problems.isEmpty()) return problems;
        for (DecisionRule rule : table.getRule()) {
            Map<String, String> cells = new HashMap<>();
            for (int i = 0; i < names.size() && i < rule.getOutputEntry().size(); i++) {
                cells.put(names.get(i), rule.getOutputEntry().get(i).getText().trim());
            }
            String where = "row " + rule.getId();
            String criterion = unquote(cells.get("criterion"));
            if (criterion == null || EvidenceMetric.byKey(criterion).isEmpty()) {
                problems.add(new Problem(path, where, "criterion " + cells.get("criterion") + " is not one of "
                        + java.util.Arrays.stream(EvidenceMetric.values()).map(EvidenceMetric::key).toList()));
            }
            boolean min = !isNull(cells.get("minimum"));
            boolean max = !isNull(cells.get("maximum"));
            if (min == max) problems.add(new Problem(path, where, "give a minimum or a maximum, and null for the other"));
            String window = unquote(cells.get("window"));
            try {
                if (window == null || Duration.parse(window).isNegative()) throw new DateTimeParseException("", "", 0);
            } catch (DateTimeParseException e) {
                problems.add(new Problem(path, where, "window " + cells.get("window")
                        + " is not an ISO-8601 duration in quotes, such as \"P30D\""));
            }
        }
        return problems;
    }

    private static boolean isNull(String cell) {
        return cell == null || cell.isEmpty() || cell.toLowerCase(Locale.ROOT).equals("null");
    }

    private static String unquote(String cell) {
        if (cell == null || cell.length() < 2 || !cell.startsWith("\"") || !cell.endsWith("\"")) return null;
        return cell.substring(1, cell.length() - 1);
    }
}
