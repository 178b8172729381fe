package dev.governor.policy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads {@code policy-tests/*.yaml}. Times are ISO-8601 or relative to the case's {@code now}
 * ({@code -3h}, {@code +5m}, {@code -30s}, {@code -2d}, {@code now}). Unknown keys are errors, so
 * a misspelt expectation cannot silently pass.
 */
final class PolicyTestReader {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final Pattern RELATIVE = Pattern.compile("^([+-])(\\d+)([smhd])$");

    private PolicyTestReader() {
    }

    static List<PolicyTestCase> read(Path file) {
        JsonNode root;
        try {
            root = YAML.readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
        String name = file.getFileName().toString();
        if (root == null || !root.has("cases")) throw new IllegalArgumentException(name + ": needs a 'cases' list");
        allow(root, name, "description", "now", "cases");
        Instant fileNow = root.has("now") ? Instant.parse(root.get("now").asText()) : null;
        List<PolicyTestCase> cases = new ArrayList<>();
        for (JsonNode c : root.get("cases")) {
            String caseName = text(c, "name");
            String where = name + " :: " + caseName;
            try {
                allow(c, where, "name", "description", "given", "expect");
                EvaluationInput input = given(c.get("given"), fileNow, where);
                cases.add(new PolicyTestCase(name, caseName, input, expect(c.get("expect"), where),
                        planSteps(c.get("given"), input, where)));
            } catch (RuntimeException e) {
                throw new IllegalArgumentException(where + ": " + e.getMessage(), e);
            }
        }
        return cases;
    }

    private static EvaluationInput given(JsonNode g, Instant fileNow, String where) {
        if (g == null) throw new IllegalArgumentException("'given' is missing");
        allow(g, where + " given", "now", "agentId", "agent", "action", "inputs", "freezes", "budgetUsage", "halt",
                "approval", "planStep", "planSteps", "pendingApprovals", "assets", "session", "history", "halts", "exceptions", "token");
        Instant now = g.has("now") ? Instant.parse(g.get("now").asText()) : fileNow != null ? fileNow : Instant.now();
        JsonNode a = g.get("agent");
        EvaluationInput.AgentFacts agent = null;
        if (a != null && !a.isNull()) {
            allow(a, where + " agent", "id", "suspended", "autonomyLevel", "environments", "permissions", "orphaned",
                    "endedGrants");
            agent = new EvaluationInput.AgentFacts(text(a, "id"), a.path("suspended").asBoolean(false),
                    a.hasNonNull("autonomyLevel") ? AutonomyLevel.valueOf(a.get("autonomyLevel").asText()) : null, strings(a.get("environments")),
                    strings(a.get("permissions")), a.path("orphaned").asBoolean(false),
                    PolicyTestKnown.endedGrants(a.get("endedGrants"), now));
        }
        String agentId = g.has("agentId") ? g.get("agentId").asText() : agent != null ? agent.id() : "unknown-agent";
        JsonNode action = g.get("action");
        if (action == null && g.has("planSteps")) action = g.get("planSteps").path(0).get("action");
        return new EvaluationInput(agentId, agent, action(action, where), inputs(g.get("inputs"), now, where),
                freezes(g.get("freezes"), now, where), now, budgetUsage(g.get("budgetUsage"), where),
                halt(g.get("halt"), now, where),
                PolicyTestAuthority.approval(g.get("approval"), agentId, now, where),
                PolicyTestAuthority.planStep(g.get("planStep"), agentId, now, where),
                pendingApprovals(g.get("pendingApprovals"), where))
                .withKnown(PolicyTestKnown.read(g, agentId, now, where).withHistory(history(g.get("history"), now, where)));
    }

    /**
     * {@code given.history}: per source and metric, the values Governor accepted before, oldest
     * first. A value is a number (dated {@code every} apart, default 1h, the newest {@code every}
     * before now) or {@code { value, observedAt }}.
     */
    private static List<EvaluationInput.MetricHistory> history(JsonNode list, Instant now, String where) {
        List<EvaluationInput.MetricHistory> out = new ArrayList<>();
        if (list == null) return out;
        for (JsonNode h : list) {
            allow(h, where + " history", "source", "metric", "values", "every");
            Duration every = h.has("every") ? Duration.between(time("-" + text(h, "every"), now), now) : Duration.ofHours(1);
            JsonNode values = h.path("values");
            if (!values.isArray()) throw new IllegalArgumentException(where + ": history needs a 'values' list");
            List<EvaluationInput.ObservedValue> observed = new ArrayList<>();
            for (int k = 0; k < values.size(); k++) {
                JsonNode v = values.get(k);
                Instant at = now.minus(every.multipliedBy(values.size() - k));
                if (v.isObject()) {
                    allow(v, where + " history value", "value", "observedAt");
                    observed.add(new EvaluationInput.ObservedValue(new BigDecimal(text(v, "value")),
                            v.has("observedAt") ? time(text(v, "observedAt"), now) : at));
                } else {
                    observed.add(new EvaluationInput.ObservedValue(new BigDecimal(v.asText()), at));
                }
            }
            observed.sort(Comparator.comparing(EvaluationInput.ObservedValue::observedAt));
            out.add(new EvaluationInput.MetricHistory(text(h, "source"), text(h, "metric"), observed));
        }
        return out;
    }

    /** {@code given.pendingApprovals}: a count, or {@code unknown}; not given = the agent has none pending. */
    private static Long pendingApprovals(JsonNode n, String where) {
        if (n == null) return 0L;
        if (n.isTextual() && n.asText().equals("unknown")) return null;
        if (!n.canConvertToLong() || !n.isIntegralNumber() || n.asLong() < 0) {
            throw new IllegalArgumentException(where + ": pendingApprovals must be a whole number >= 0 or 'unknown'");
        }
        return n.asLong();
    }

    /** {@code given.planSteps}: a plan to weigh, each step with its own action and inputs, the rest shared. */
    private static List<EvaluationInput> planSteps(JsonNode g, EvaluationInput shared, String where) {
        List<EvaluationInput> steps = new ArrayList<>();
        JsonNode list = g == null ? null : g.get("planSteps");
        if (list == null) return steps;
        for (JsonNode step : list) {
            allow(step, where + " planSteps", "action", "inputs");
            steps.add(new EvaluationInput(shared.agentId(), shared.agent(), action(step.get("action"), where),
                    inputs(step.get("inputs"), shared.now(), where), shared.freezes(), shared.now(),
                    shared.budgetUsage(), shared.halt()).withPendingApprovals(shared.pendingApprovals())
                    .withKnown(shared.known()));
        }
        return steps;
    }

    private static EvaluationInput.ActionFacts action(JsonNode a, String where) {
        if (a == null) throw new IllegalArgumentException("'given.action' is missing");
        allow(a, where + " action", "type", "environment", "target", "impact", "rollbackPlan");
        JsonNode impact = a.path("impact");
        if (!impact.isMissingNode()) allow(impact, where + " impact", "records", "users", "monetaryValue");
        return new EvaluationInput.ActionFacts(text(a, "type"), optional(a, "environment"), optional(a, "target"),
                impact.hasNonNull("records") ? impact.get("records").asLong() : null,
                impact.hasNonNull("users") ? impact.get("users").asLong() : null,
                impact.hasNonNull("monetaryValue") ? new BigDecimal(impact.get("monetaryValue").asText()) : null,
                optional(a, "rollbackPlan"));
    }

    private static List<EvaluationInput.InputFacts> inputs(JsonNode list, Instant now, String where) {
        List<EvaluationInput.InputFacts> out = new ArrayList<>();
        if (list == null) return out;
        for (JsonNode i : list) {
            allow(i, where + " input", "source", "metric", "value", "observedAt");
            BigDecimal value = i.hasNonNull("value") ? new BigDecimal(i.get("value").asText()) : null;
            out.add(new EvaluationInput.InputFacts(text(i, "source"), text(i, "metric"), value,
                    time(text(i, "observedAt"), now)));
        }
        return out;
    }

    /** The agent's earlier ALLOWed mutations per window; an omitted environment means all environments. */
    private static EvaluationInput.BudgetUsage budgetUsage(JsonNode list, String where) {
        List<EvaluationInput.UsageTotals> out = new ArrayList<>();
        if (list == null) return null;
        for (JsonNode u : list) {
            allow(u, where + " budgetUsage", "window", "environment", "actions", "records", "users", "monetaryValue");
            out.add(new EvaluationInput.UsageTotals(Duration.parse(text(u, "window")), optional(u, "environment"),
                    u.path("actions").asLong(0), known(u, "records", 0L), known(u, "users", 0L),
                    u.path("monetaryValue").isNull() ? null : new BigDecimal(u.path("monetaryValue").asText("0"))));
        }
        return EvaluationInput.BudgetUsage.of(out);
    }

    /** {@code halt: {reason: ..., by: ...}}: a global halt in force since {@code now}. */
    private static EvaluationInput.HaltFacts halt(JsonNode h, Instant now, String where) {
        if (h == null || h.isNull()) return null;
        allow(h, where + " halt", "reason", "by");
        return new EvaluationInput.HaltFacts(h.path("reason").asText("halted"), h.path("by").asText("admin"), now);
    }

    /** Like the real caller, passes on only the freezes whose window contains {@code now}. */
    private static List<EvaluationInput.FreezeFacts> freezes(JsonNode list, Instant now, String where) {
        List<EvaluationInput.FreezeFacts> out = new ArrayList<>();
        if (list == null) return out;
        int n = 0;
        for (JsonNode f : list) {
            allow(f, where + " freeze", "id", "environment", "from", "until", "reason");
            Instant from = f.has("from") ? time(f.get("from").asText(), now) : now.minus(Duration.ofHours(1));
            Instant until = f.has("until") ? time(f.get("until").asText(), now) : now.plus(Duration.ofHours(1));
            n++;
            if (!from.isAfter(now) && until.isAfter(now)) {
                out.add(new EvaluationInput.FreezeFacts(f.path("id").asText("freeze-" + n), text(f, "environment"),
                        from, until, f.path("reason").asText("freeze")));
            }
        }
        return out;
    }

    private static PolicyTestCase.Expectation expect(JsonNode e, String where) {
        if (e == null || !e.has("outcome")) throw new IllegalArgumentException("'expect.outcome' is missing");
        allow(e, where + " expect", "outcome", "reversibility", "blastRadius", "reasons", "absentReasons", "sources",
                "approvalTtl", "verdict", "effects", "fired");
        return new PolicyTestCase.Expectation(Outcome.valueOf(e.get("outcome").asText()),
                e.has("reversibility") ? Reversibility.valueOf(e.get("reversibility").asText()) : null,
                e.has("blastRadius") ? BlastRadius.valueOf(e.get("blastRadius").asText()) : null,
                List.copyOf(strings(e.get("reasons"))), List.copyOf(strings(e.get("absentReasons"))),
                List.copyOf(strings(e.get("sources"))),
                e.has("approvalTtl") ? Duration.parse(e.get("approvalTtl").asText()) : null,
                e.has("verdict") ? Outcome.valueOf(e.get("verdict").asText()) : null,
                e.has("effects") ? strings(e.get("effects")).stream().map(Effect::valueOf).toList() : null,
                List.copyOf(strings(e.get("fired"))));
    }

    static Instant time(String value, Instant now) {
        if ("now".equals(value)) return now;
        Matcher m = RELATIVE.matcher(value);
        if (m.matches()) {
            long amount = Long.parseLong(m.group(2));
            Duration d = switch (m.group(3)) {
                case "s" -> Duration.ofSeconds(amount);
                case "m" -> Duration.ofMinutes(amount);
                case "h" -> Duration.ofHours(amount);
                default -> Duration.ofDays(amount);
            };
            return "-".equals(m.group(1)) ? now.minus(d) : now.plus(d);
        }
        return OffsetDateTime.parse(value).toInstant();
    }

    static void allow(JsonNode node, String where, String... keys) {
        Set<String> allowed = Set.of(keys);
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            if (!allowed.contains(key)) {
                throw new IllegalArgumentException(where + ": unknown key '" + key + "' (allowed: " + allowed + ")");
            }
        }
    }

    static String text(JsonNode node, String key) {
        if (!node.hasNonNull(key)) throw new IllegalArgumentException("'" + key + "' is missing");
        return node.get(key).asText();
    }

    /** A figure written as null is unknown; one left out is {@code absent}. */
    private static Long known(JsonNode node, String key, Long absent) {
        if (node.path(key).isNull()) return null;
        return node.has(key) ? node.get(key).asLong() : absent;
    }

    static String optional(JsonNode node, String key) {
        return node.hasNonNull(key) ? node.get(key).asText() : null;
    }

    static Set<String> strings(JsonNode list) {
        Set<String> out = new LinkedHashSet<>();
        if (list != null) list.forEach(n -> out.add(n.asText()));
        return out;
    }
}
