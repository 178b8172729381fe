package dev.governor.policy;

import com.fasterxml.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static dev.governor.policy.PolicyTestReader.allow;
import static dev.governor.policy.PolicyTestReader.optional;
import static dev.governor.policy.PolicyTestReader.text;
import static dev.governor.policy.PolicyTestReader.time;

/**
 * What Governor knows in a scenario, beside the request: {@code given.assets} (as registered
 * through /v1/assets) and {@code given.session} (the agent's earlier steps, oldest first).
 * <pre>
 * assets:  [{ target: "db/prod-*", tier: PRODUCTION, dataClass: PII, criticality: HIGH,
 *             ownerTeam: data, records: 1000000, users: 40000, monetaryValue: 0 }]
 * session: [{ actionType: file.read, outcome: ALLOW, dataClasses: [CREDENTIALS],
 *             reportedOutcome: SUCCEEDED, at: -5m, sameSession: true, planned: false }]
 * halts:   [{ scope: ENVIRONMENT_TIER, value: PRODUCTION, reason: INC-9, by: admin }]
 * exceptions: [{ agentId: ops-bot, actionTypes: [config.update], targets: ["svc/pay*"],
 *             reasonCodes: [PERMISSION_NOT_GRANTED], until: +1h }]   (approved by two people)
 * token:   { token: gvs_abc, sessionId: run-1, permissions: [config:read], requestSessionId: run-1 }
 * </pre>
 * and on the agent {@code endedGrants: { "config:*": -1h }}: grants whose end has come.
 */
final class PolicyTestKnown {

    private PolicyTestKnown() {
    }

    static EvaluationInput.Known read(JsonNode given, String agentId, java.time.Instant now, String where) {
        return EvaluationInput.Known.NOTHING.withAssets(assets(given.get("assets"), where))
                .withSession(session(given.get("session"), now, where))
                .withHalts(halts(given.get("halts"), where))
                .withExceptions(exceptions(given.get("exceptions"), agentId, now, where))
                .withToken(token(given.get("token"), now, where));
    }

    /** Exceptions as Governor gathers them: approved; agentId defaults to the request's agent, until to +1h. */
    private static List<EvaluationInput.ExceptionFacts> exceptions(JsonNode list, String agentId, java.time.Instant now,
                                                                   String where) {
        List<EvaluationInput.ExceptionFacts> out = new ArrayList<>();
        if (list == null) return out;
        int n = 0;
        for (JsonNode e : list) {
            allow(e, where + " exception", "agentId", "actionTypes", "targets", "reasonCodes", "until");
            out.add(new EvaluationInput.ExceptionFacts(UUID.nameUUIDFromBytes((where + " exception " + ++n).getBytes()),
                    e.path("agentId").asText(agentId), List.copyOf(PolicyTestReader.strings(e.get("actionTypes"))),
                    List.copyOf(PolicyTestReader.strings(e.get("targets"))), List.copyOf(PolicyTestReader.strings(e.get("reasonCodes"))),
                    time(e.path("until").asText("+1h"), now), List.of("approver-1", "approver-2")));
        }
        return out;
    }

    /** The session token the request was made with; absent: the agent's key. */
    private static EvaluationInput.TokenFacts token(JsonNode t, java.time.Instant now, String where) {
        if (t == null || t.isNull()) return null;
        allow(t, where + " token", "token", "sessionId", "permissions", "expiresAt", "requestSessionId");
        java.util.Set<String> permissions = new java.util.TreeSet<>();
        t.path("permissions").forEach(p -> permissions.add(p.asText()));
        return new EvaluationInput.TokenFacts(t.path("token").asText("gvs_test"), text(t, "sessionId"), permissions,
                t.has("expiresAt") ? time(text(t, "expiresAt"), now) : now.plusSeconds(3600),
                optional(t, "requestSessionId"));
    }

    /** {@code endedGrants: { grant: time }} on the agent. */
    static java.util.Map<String, java.time.Instant> endedGrants(JsonNode map, java.time.Instant now) {
        java.util.Map<String, java.time.Instant> out = new java.util.TreeMap<>();
        if (map == null) return out;
        map.fields().forEachRemaining(e -> out.put(e.getKey(), time(e.getValue().asText(), now)));
        return out;
    }

    /** Scoped halts in force; those scoped to an agent, owner or session are taken as naming this request's. */
    private static List<EvaluationInput.ScopedHaltFacts> halts(JsonNode list, String where) {
        List<EvaluationInput.ScopedHaltFacts> out = new ArrayList<>();
        if (list == null) return out;
        int n = 0;
        for (JsonNode h : list) {
            allow(h, where + " halt", "scope", "value", "reason", "by");
            out.add(new EvaluationInput.ScopedHaltFacts(java.util.UUID.nameUUIDFromBytes((where + ++n).getBytes()),
                    text(h, "scope"), text(h, "value"), h.path("reason").asText("incident"), h.path("by").asText("admin"),
                    null));
        }
        return out;
    }

    private static List<EvaluationInput.AssetFacts> assets(JsonNode list, String where) {
        List<EvaluationInput.AssetFacts> out = new ArrayList<>();
        if (list == null) return out;
        int n = 0;
        for (JsonNode a : list) {
            allow(a, where + " asset", "id", "target", "tier", "dataClass", "criticality", "ownerTeam", "records", "users",
                    "monetaryValue");
            String id = a.path("id").asText("asset-" + ++n);
            out.add(new EvaluationInput.AssetFacts(id, text(a, "target"),
                    a.hasNonNull("tier") ? EnvironmentTier.valueOf(a.get("tier").asText()) : null,
                    optional(a, "dataClass"), optional(a, "criticality"), optional(a, "ownerTeam"),
                    a.hasNonNull("records") ? a.get("records").asLong() : null,
                    a.hasNonNull("users") ? a.get("users").asLong() : null,
                    a.hasNonNull("monetaryValue") ? new BigDecimal(a.get("monetaryValue").asText()) : null,
                    "/v1/assets/" + id));
        }
        return out;
    }

    private static List<EvaluationInput.SessionStep> session(JsonNode list, java.time.Instant now, String where) {
        List<EvaluationInput.SessionStep> out = new ArrayList<>();
        if (list == null) return out;
        for (JsonNode s : list) {
            allow(s, where + " session step", "actionType", "outcome", "dataClasses", "reportedOutcome", "at",
                    "sameSession", "planned");
            List<String> classes = new ArrayList<>();
            s.path("dataClasses").forEach(c -> classes.add(c.asText()));
            out.add(new EvaluationInput.SessionStep(UUID.nameUUIDFromBytes((where + out.size()).getBytes()),
                    time(s.path("at").asText("-5m"), now), text(s, "actionType"),
                    Outcome.valueOf(s.path("outcome").asText("ALLOW")), classes, optional(s, "reportedOutcome"),
                    s.path("sameSession").asBoolean(true), s.path("planned").asBoolean(false)));
        }
        return out;
    }
}
