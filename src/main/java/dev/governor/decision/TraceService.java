package dev.governor.decision;

import com.fasterxml.jackson.databind.JsonNode;
import dev.governor.api.ApiException;
import dev.governor.audit.ChainHash;
import dev.governor.audit.JdbcStreamer;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

/** Assembles {@link DecisionTrace}: the stored record, its approval events, outcomes and audit records. */
@ApplicationScoped
public class TraceService {

    private final DecisionStore store;
    private final JdbcStreamer jdbc;

    public TraceService(DecisionStore store, JdbcStreamer jdbc) {
        this.store = store;
        this.jdbc = jdbc;
    }

    public DecisionTrace trace(UUID id) {
        DecisionRecord r = store.find(id).orElseThrow(() -> ApiException.notFound("decision", id));
        JsonNode req = r.request();
        JsonNode facts = r.facts();
        JsonNode resp = r.response();
        var request = new DecisionTrace.Request(get(req, "action"), get(req, "reasoning"), get(req, "approvalId"),
                get(req, "planId"), get(req, "stepIndex"), get(facts, "agent"), get(facts, "freezes"), get(facts, "now"));
        var verdict = new DecisionTrace.Verdict(get(resp, "outcome"), get(resp, "reversibility"),
                get(resp, "blastRadius"), get(resp, "reasons"), get(resp, "approval"), r.errors(), r.latencyMicros());
        List<DecisionRecord.Firing> firings = Stream.concat(
                r.rulesFired().stream().map(f -> new DecisionRecord.Firing(f.seq(), "RULE", f.file(), f.rule(),
                        null, null, f.reasonCode(), f.outcome())),
                r.tableRowsMatched().stream().map(f -> new DecisionRecord.Firing(f.seq(), "TABLE_ROW", f.file(),
                        f.table(), f.rowId(), f.row(), f.reasonCode(), f.outcome())))
                .sorted(Comparator.comparingInt(DecisionRecord.Firing::seq)).toList();

        Set<String> approvalIds = new LinkedHashSet<>();
        text(get(req, "approvalId")).ifPresent(approvalIds::add);
        text(get(get(resp, "approval"), "id")).ifPresent(approvalIds::add);
        List<DecisionTrace.ApprovalEvent> events = new ArrayList<>();
        List<DecisionTrace.AuditRef> audit = new ArrayList<>();
        readEvents(id, approvalIds, events, audit);

        return new DecisionTrace(r.decisionId(), r.agentId(), r.sessionId(), r.decidedAt(), r.policyVersion(),
                request, inputs(get(req, "inputs"), get(facts, "now"), get(resp, "reasons")), firings, verdict,
                events, r.outcomes(), audit);
    }

    private void readEvents(UUID decisionId, Set<String> approvalIds, List<DecisionTrace.ApprovalEvent> events,
                            List<DecisionTrace.AuditRef> audit) {
        List<Object> eventParams = new ArrayList<>(List.of(decisionId));
        approvalIds.forEach(a -> eventParams.add(UUID.fromString(a)));
        List<Object> auditParams = new ArrayList<>(List.of(decisionId.toString()));
        auditParams.addAll(approvalIds);
        try {
            jdbc.withConnection(session -> {
                session.stream("SELECT approval_id, type, actor, at, comment FROM approval_events WHERE decision_id = ?"
                        + " OR approval_id = ?".repeat(approvalIds.size()) + " ORDER BY at, id", eventParams, rs -> {
                    events.add(new DecisionTrace.ApprovalEvent(JdbcStreamer.text(rs, "approval_id"), rs.getString("type"),
                            rs.getString("actor"), JdbcStreamer.instant(rs, "at"), rs.getString("comment")));
                    return true;
                });
                session.stream("SELECT seq, kind, recorded_at, hash FROM audit_log WHERE subject_id IN (?"
                        + ", ?".repeat(approvalIds.size()) + ") ORDER BY seq", auditParams, rs -> {
                    audit.add(new DecisionTrace.AuditRef(rs.getLong("seq"), rs.getString("kind"),
                            ChainHash.formatAt(rs.getObject("recorded_at", OffsetDateTime.class).toInstant()),
                            rs.getString("hash")));
                    return true;
                });
                return null;
            });
        } catch (Exception e) {
            throw new IllegalStateException("cannot read the approval events and audit records of " + decisionId, e);
        }
    }

    /**
     * Ties each data-quality reason to the inputs it names: the rules in rules/data-quality.drl
     * write "input METRIC from SOURCE ..." and, for conflicts, "METRIC is X per SOURCE but ...".
     */
    private static List<DecisionTrace.TracedInput> inputs(JsonNode inputs, JsonNode now, JsonNode reasons) {
        if (inputs == null || !inputs.isArray()) {
            return List.of();
        }
        List<DecisionTrace.TracedInput> traced = new ArrayList<>();
        for (int i = 0; i < inputs.size(); i++) {
            JsonNode in = inputs.get(i);
            String source = in.path("source").asText();
            String metric = in.path("metric").asText();
            List<JsonNode> findings = new ArrayList<>();
            if (reasons != null) {
                for (JsonNode reason : reasons) {
                    String code = reason.path("code").asText();
                    String message = reason.path("message").asText();
                    boolean names = message.contains("input " + metric + " from " + source)
                            || (code.equals("DATA_CONFLICT") && message.startsWith(metric + " is ")
                            && message.contains(" per " + source));
                    if (code.startsWith("DATA_") && names) {
                        findings.add(reason);
                    }
                }
            }
            traced.add(new DecisionTrace.TracedInput(i, get(in, "source"), get(in, "metric"), get(in, "value"),
                    get(in, "observedAt"), age(get(in, "observedAt"), now), Collections.unmodifiableList(findings)));
        }
        return traced;
    }

    private static Long age(JsonNode observedAt, JsonNode now) {
        try {
            return observedAt == null || now == null ? null
                    : Duration.between(OffsetDateTime.parse(observedAt.asText()).toInstant(), Instant.parse(now.asText()))
                    .toSeconds();
        } catch (DateTimeParseException e) {
            return null; // a hashed (sensitive) time has no age
        }
    }

    private static JsonNode get(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        return value == null || value.isNull() ? null : value;
    }

    private static java.util.Optional<String> text(JsonNode node) {
        return node != null && node.isTextual() ? java.util.Optional.of(node.textValue()) : java.util.Optional.empty();
    }
}
