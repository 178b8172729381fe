package dev.governor.decision;

import com.fasterxml.jackson.databind.JsonNode;
import dev.governor.api.ApiException;
import dev.governor.approval.ApprovalService;
import dev.governor.audit.AuditRecords;
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
    private final ApprovalService approvals;
    private final AuditRecords records;

    public TraceService(DecisionStore store, ApprovalService approvals, AuditRecords records) {
        this.store = store;
        this.approvals = approvals;
        this.records = records;
    }

    public DecisionTrace trace(UUID id) {
        DecisionRecord r = store.find(id).orElseThrow(() -> ApiException.notFound("decision", id));
        JsonNode req = r.request();
        JsonNode facts = r.facts();
        JsonNode resp = r.response();
        var request = new DecisionTrace.Request(get(req, "action"), get(req, "reasoning"), get(req, "approvalId"),
                get(req, "planId"), get(req, "stepIndex"), get(facts, "agent"), get(facts, "freezes"), get(facts, "now"));
        var verdict = new DecisionTrace.Verdict(get(resp, "outcome"), get(resp, "reversibility"),
                get(resp, "blastRadius"), get(resp, "reasons"), get(resp, "approval"), r.errors(), r.latencyMicros(),
                r.policyVerdict());
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
        for (var e : approvals.eventsFor(decisionId, approvalIds.stream().map(UUID::fromString).toList())) {
            events.add(new DecisionTrace.ApprovalEvent(e.approvalId().toString(), e.event().type(), e.event().actor(),
                    e.event().at() == null ? null : e.event().at().toInstant().toString(), e.event().comment()));
        }
        List<String> subjects = new ArrayList<>(List.of(decisionId.toString()));
        subjects.addAll(approvalIds);
        for (var r : records.about(subjects)) audit.add(new DecisionTrace.AuditRef(r.seq(), r.kind(), r.at(), r.hash()));
    }

    /** Ties each data-quality reason to the inputs its subject names (source and metric). */
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
                    for (JsonNode ref : reason.path("subject").path("inputs")) {
                        if (source.equals(ref.path("source").asText()) && metric.equals(ref.path("metric").asText())) {
                            findings.add(reason);
                            break;
                        }
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
