package dev.governor.policy.engine;

import dev.governor.policy.EnvironmentTier;
import dev.governor.policy.Outcome;
import dev.governor.policy.engine.DmnTables.Result;
import dev.governor.policy.engine.DmnTables.Row;
import dev.governor.policy.engine.facts.Verdict;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code environments.dmn}: the registered name and tier of the environment an agent named.
 * The table decides; when an edited table answers nothing, the environment is PRODUCTION and
 * unlisted (fail safe), as its shipped catch-all rows say.
 */
final class EnvironmentTable {

    /** @param listed false for an environment no row lists by name or pattern */
    record Resolved(String name, EnvironmentTier tier, boolean listed) {
    }

    private EnvironmentTable() {
    }

    static Resolved resolve(DmnTables tables, String environment, boolean mutating, Trace trace, List<Verdict> verdicts) {
        Map<String, Object> in = new HashMap<>();
        in.put("environment", environment == null ? "" : environment); // FEEL matches() refuses null
        in.put("mutating", mutating);
        Result result = tables.evaluate(DmnTables.ENVIRONMENTS, in);
        Map<?, ?> out = result.value() instanceof Map<?, ?> m ? m : Map.of();
        Row row = result.rows().isEmpty() ? null : result.rows().get(0);
        if (row == null || out.get("tier") == null) {
            verdicts.add(Verdict.from(Outcome.REQUIRE_APPROVAL, "UNKNOWN_ENVIRONMENT",
                    "no row of decision-tables/environments.dmn classifies environment '" + environment
                            + "'; treated as PRODUCTION", "decision-tables/environments.dmn#no-matching-row"));
            return new Resolved(environment, EnvironmentTier.PRODUCTION, false);
        }
        Verdict verdict = row.verdict(out);
        trace.add(row.firing(verdict == null ? null : verdict.getCode(), verdict == null ? null : verdict.getOutcome()));
        if (verdict != null) verdicts.add(verdict);
        String name = out.get("name") instanceof String s ? s : environment;
        return new Resolved(name, EnvironmentTier.valueOf((String) out.get("tier")), Boolean.TRUE.equals(out.get("listed")));
    }
}
