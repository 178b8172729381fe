package dev.governor.policy.engine;

import dev.governor.policy.BlastRadius;
import dev.governor.policy.EnvironmentTier;
import dev.governor.policy.Outcome;
import dev.governor.policy.Reversibility;
import dev.governor.policy.engine.DmnTables.Result;
import dev.governor.policy.engine.DmnTables.Row;
import dev.governor.policy.engine.facts.Prerequisite;
import dev.governor.policy.engine.facts.SensitiveTarget;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The tables about an action's target and its place in a session: sensitive-targets.dmn (what
 * the target holds, and how far a change to it raises reversibility and blast radius),
 * egress.dmn (whether the action sends anything out) and prerequisites.dmn (what must have come
 * first). The tables say what; the rules (rules/sensitive-targets.drl, rules/session-flows.drl)
 * give the verdicts.
 */
final class TargetTables {

    /**
     * What sensitive-targets.dmn says of a target. The floors apply to changes only; readAs and
     * the rows' read outcomes to reads only.
     */
    record Sensitivity(List<SensitiveTarget> rows, Set<String> dataClasses, Reversibility reversibilityFloor,
                       BlastRadius blastRadiusFloor, String readAs) {
        static final Sensitivity NONE = new Sensitivity(List.of(), Set.of(), null, null, null);
    }

    record Egress(boolean egress, String channel) {
    }

    private TargetTables() {
    }

    static Sensitivity sensitivity(DmnTables tables, String normalisedTarget, boolean mutating, Trace trace) {
        if (normalisedTarget.isEmpty()) return Sensitivity.NONE;
        Result result = tables.evaluate(DmnTables.SENSITIVE_TARGETS, Map.of("target", normalisedTarget));
        List<?> outputs = result.value() instanceof List<?> l ? l : List.of();
        List<SensitiveTarget> rows = new ArrayList<>();
        Set<String> classes = new LinkedHashSet<>();
        Reversibility reversibility = null;
        BlastRadius blastRadius = null;
        String readAs = null;
        // COLLECT returns one output per selected row, in row order.
        for (int i = 0; i < outputs.size() && i < result.rows().size(); i++) {
            Map<?, ?> out = (Map<?, ?>) outputs.get(i);
            Row row = result.rows().get(i);
            Outcome outcome = outcome(out.get(mutating ? "changeOutcome" : "readOutcome"));
            trace.add(row.firing(null, null));
            if (out.get("dataClass") instanceof String c) classes.add(c);
            if (mutating) {
                reversibility = max(reversibility, out.get("reversibility") instanceof String r ? Reversibility.valueOf(r) : null);
                blastRadius = max(blastRadius, out.get("blastRadius") instanceof String b ? BlastRadius.valueOf(b) : null);
            } else if (readAs == null && out.get("readAs") instanceof String r && !r.isBlank()) {
                readAs = r.trim();
            }
            rows.add(new SensitiveTarget(row.source(), out.get("dataClass") instanceof String c ? c : null, outcome,
                    out.get("message") instanceof String m ? m : row.source()));
        }
        return new Sensitivity(rows, classes, reversibility, blastRadius, readAs);
    }

    static Egress egress(DmnTables tables, String actionType, String normalisedTarget, Trace trace) {
        Result result = tables.evaluate(DmnTables.EGRESS, Map.of("actionType", actionType, "target", normalisedTarget));
        Map<?, ?> out = result.value() instanceof Map<?, ?> m ? m : Map.of();
        result.rows().stream().findFirst().ifPresent(r -> trace.add(r.firing(null, null)));
        return new Egress(Boolean.TRUE.equals(out.get("egress")), out.get("channel") instanceof String c ? c : null);
    }

    static List<Prerequisite> prerequisites(DmnTables tables, String actionType, EnvironmentTier tier, Trace trace) {
        Map<String, Object> in = new HashMap<>();
        in.put("actionType", actionType);
        in.put("tier", tier.name());
        Result result = tables.evaluate(DmnTables.PREREQUISITES, in);
        List<?> outputs = result.value() instanceof List<?> l ? l : List.of();
        List<Prerequisite> rows = new ArrayList<>();
        for (int i = 0; i < outputs.size() && i < result.rows().size(); i++) {
            Map<?, ?> out = (Map<?, ?>) outputs.get(i);
            Row row = result.rows().get(i);
            trace.add(row.firing(null, null));
            // A row that names no outcome still never lets a missing prerequisite through.
            Outcome outcome = out.get("outcome") instanceof String o ? Outcome.valueOf(o) : Outcome.REQUIRE_APPROVAL;
            rows.add(new Prerequisite(row.source(), (String) out.get("requires"), (String) out.get("requiredOutcome"), outcome));
        }
        return rows;
    }

    private static Outcome outcome(Object cell) {
        return cell instanceof String o && !o.isBlank() ? Outcome.valueOf(o) : null;
    }

    static <T extends Comparable<T>> T max(T a, T b) {
        if (a == null) return b;
        if (b == null) return a;
        return a.compareTo(b) >= 0 ? a : b;
    }
}
