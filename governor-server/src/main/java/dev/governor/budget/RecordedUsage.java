package dev.governor.budget;

import com.fasterxml.jackson.annotation.JsonValue;
import dev.governor.policy.EvaluationInput.BudgetUsage;
import dev.governor.policy.EvaluationInput.UsageTotals;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Budget usage looked up lazily, once per window and scope, and remembered: the totals the
 * policy saw are stored with the decision's facts (serialised as the list of lookups).
 */
final class RecordedUsage implements BudgetUsage {

    private final BudgetUsage source;
    private final Map<List<Object>, UsageTotals> seen = new LinkedHashMap<>();

    RecordedUsage(BudgetUsage source) {
        this.source = source;
    }

    @Override
    public synchronized UsageTotals within(Duration window, String environment) {
        return seen.computeIfAbsent(java.util.Arrays.asList(window, Objects.toString(environment, "*")),
                k -> source.within(window, environment));
    }

    /** As stored with the decision's facts: windows as ISO-8601 durations, environment null = all. */
    @JsonValue
    synchronized List<Seen> lookedUp() {
        List<Seen> out = new ArrayList<>();
        seen.values().forEach(t -> out.add(new Seen(t.window().toString(), t.environment(), t.actions(), t.records(),
                t.users(), t.monetaryValue())));
        return out;
    }

    /** A null figure: some action counted in the window left it undeclared (unknown). */
    record Seen(String window, String environment, long actions, Long records, Long users,
                java.math.BigDecimal monetaryValue) {
    }
}
