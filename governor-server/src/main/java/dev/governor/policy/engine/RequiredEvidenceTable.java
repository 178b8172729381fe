package dev.governor.policy.engine;

import dev.governor.policy.Outcome;
import dev.governor.policy.engine.DmnTables.Result;
import dev.governor.policy.engine.DmnTables.Row;
import dev.governor.policy.engine.facts.ActionFact;
import dev.governor.policy.engine.facts.RequiredEvidence;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code required-evidence.dmn}: the rows that apply to the action, each with what of its evidence
 * the request lacks. The table says what is required and with which outcome; the rules
 * (rules/evidence.drl, rules/rollback.drl) give the verdicts.
 */
final class RequiredEvidenceTable {

    /** The impact figures a request can declare; a row naming anything else can never be satisfied. */
    private static final Set<String> FIGURES = Set.of("records", "users", "monetaryValue");

    private RequiredEvidenceTable() {
    }

    /** @param families the metric families of the request's inputs, lower case */
    static List<RequiredEvidence> rows(DmnTables tables, ActionFact action, Set<String> families, Trace trace) {
        Map<String, Object> in = new HashMap<>();
        in.put("actionType", action.type());
        in.put("mutating", action.mutating());
        in.put("tier", action.tier().name());
        in.put("reversibility", action.reversibility().name());
        Result result = tables.evaluate(DmnTables.REQUIRED_EVIDENCE, in);
        List<?> outputs = result.value() instanceof List<?> l ? l : List.of();
        List<RequiredEvidence> rows = new ArrayList<>();
        // COLLECT returns one output per selected row, in row order.
        for (int i = 0; i < outputs.size() && i < result.rows().size(); i++) {
            Map<?, ?> out = (Map<?, ?>) outputs.get(i);
            Row row = result.rows().get(i);
            trace.add(row.firing(null, null));
            List<String> unknown = action.getUnknownFigures();
            List<String> missing = figures(out.get("figures")).stream()
                    .filter(f -> unknown.contains(f) || !FIGURES.contains(f)).toList();
            String family = out.get("inputFamily") instanceof String f && !f.isBlank() ? f.trim() : null;
            String missingInput = family == null || families.contains(family.toLowerCase()) ? null : family;
            boolean rollback = Boolean.TRUE.equals(out.get("rollbackPlan")) && !action.hasRollbackPlan();
            // A row that names no outcome still never lets missing evidence through.
            Outcome outcome = out.get("outcome") instanceof String o ? Outcome.valueOf(o) : Outcome.REQUIRE_APPROVAL;
            rows.add(new RequiredEvidence(row.source(), outcome, missing, missingInput, rollback));
        }
        return rows;
    }

    /** "records, users" → [records, users]. */
    private static List<String> figures(Object cell) {
        if (!(cell instanceof String s) || s.isBlank()) return List.of();
        return Arrays.stream(s.split(",")).map(String::trim).filter(f -> !f.isEmpty()).toList();
    }
}
