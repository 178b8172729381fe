package dev.governor.policy.engine;

import dev.governor.policy.OutcomeDeadline;
import dev.governor.policy.Reversibility;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;

/** {@code outcome-deadlines.dmn}: the period after which an unreported ALLOWed mutation is OUTCOME_MISSING. */
final class OutcomeDeadlines {

    private OutcomeDeadlines() {
    }

    static OutcomeDeadline of(DmnTables tables, String actionType, String environment, Reversibility reversibility) {
        // The tier as the decision saw it; an unknown environment is PRODUCTION, the strictest.
        var tier = EnvironmentTable.resolve(tables, environment, true, new Trace(Map.of()), new ArrayList<>()).tier();
        Map<String, Object> in = new HashMap<>();
        in.put("actionType", actionType == null ? "" : actionType);
        in.put("tier", tier.name());
        in.put("reversibility", (reversibility == null ? Reversibility.IRREVERSIBLE : reversibility).name());
        DmnTables.Result result = tables.evaluate(DmnTables.OUTCOME_DEADLINES, in);
        if (result.rows().isEmpty() || !(result.value() instanceof String period)) {
            return new OutcomeDeadline(null, null, null);
        }
        String source = result.rows().get(0).source();
        try {
            Duration parsed = Duration.parse(period);
            if (parsed.isNegative() || parsed.isZero()) {
                return new OutcomeDeadline(null, source, "period " + period + " is not positive");
            }
            return new OutcomeDeadline(parsed, source, null);
        } catch (DateTimeParseException e) {
            return new OutcomeDeadline(null, source, "period " + period + " is not an ISO-8601 duration");
        }
    }
}
