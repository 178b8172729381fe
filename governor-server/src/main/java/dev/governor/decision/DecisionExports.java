package dev.governor.decision;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.governor.audit.ExportFormat;
import dev.governor.audit.RowWriter;
import dev.governor.audit.StreamedExport;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.StreamingOutput;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static dev.governor.audit.JdbcStreamer.instant;
import static dev.governor.audit.JdbcStreamer.text;

/**
 * The auditor exports of this package's tables, decisions and their firings. Raw JDBC through a
 * forward-only cursor ({@link StreamedExport}) rather than the entities: an export may cover
 * millions of rows, and the stored JSON is passed through without being parsed into objects, so
 * memory stays constant.
 */
@ApplicationScoped
public class DecisionExports {

    private static final List<String> DECISION_CSV = List.of("decisionId", "decidedAt", "agentId", "sessionId",
            "actionType", "environment", "target", "outcome", "reversibility", "blastRadius", "reasonCodes",
            "policyVersion", "approvalId", "planId", "stepIndex", "latencyMicros", "policyVerdict", "outcomeStatus", "review",
            "outcomeMissing");
    private static final List<String> FIRING_COLUMNS = List.of("decisionId", "decidedAt", "agentId", "outcome",
            "policyFile", "kind", "rule", "rowId", "rowIndex", "reasonCode", "ruleOutcome", "policyVersion", "seq");

    private final StreamedExport export;
    private final ObjectMapper mapper;

    public DecisionExports(StreamedExport export, ObjectMapper mapper) {
        this.export = export;
        this.mapper = mapper;
    }

    /** One row per decision, oldest first; NDJSON rows carry the stored request, response and facts. */
    StreamingOutput decisions(ExportFilter filter, ExportFormat format) {
        List<Object> params = new ArrayList<>();
        String sql = "SELECT d.id, d.decided_at, d.agent_id, d.session_id, d.action_type, d.environment, d.outcome, "
                + "d.policy_verdict, "
                + "d.reversibility, d.blast_radius, d.policy_version, d.approval_id, d.plan_id, d.step_index, "
                + "d.latency_micros, d.request_json, d.response_json, d.facts_json, "
                + ExportFilter.LATEST_STATUS + " AS outcome_status, " + ExportFilter.LATEST_REVIEW + " AS review, "
                + "EXISTS (SELECT 1 FROM decision_outcome_missing m WHERE m.decision_id = d.id) AS outcome_missing"
                + " FROM decisions d"
                + filter.where(params) + " ORDER BY d.decided_at, d.id";
        boolean csv = format == ExportFormat.CSV;
        return export.of(sql, params, DECISION_CSV, format, rs -> {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("decisionId", text(rs, "id"));
            row.put("decidedAt", instant(rs, "decided_at"));
            row.put("agentId", rs.getString("agent_id"));
            row.put("sessionId", rs.getString("session_id"));
            row.put("actionType", rs.getString("action_type"));
            row.put("environment", rs.getString("environment"));
            row.put("outcome", rs.getString("outcome"));
            // The policy's verdict before any approval or plan step; null when not recorded.
            row.put("policyVerdict", rs.getString("policy_verdict"));
            row.put("reversibility", rs.getString("reversibility"));
            row.put("blastRadius", rs.getString("blast_radius"));
            row.put("policyVersion", rs.getString("policy_version"));
            row.put("approvalId", text(rs, "approval_id"));
            row.put("planId", text(rs, "plan_id"));
            row.put("stepIndex", (Integer) rs.getObject("step_index", Integer.class));
            row.put("latencyMicros", rs.getLong("latency_micros"));
            // What became of it: the latest reported status and review (null: none yet), and the missing flag.
            row.put("outcomeStatus", rs.getString("outcome_status"));
            row.put("review", rs.getString("review"));
            row.put("outcomeMissing", rs.getBoolean("outcome_missing"));
            String request = rs.getString("request_json");
            String response = rs.getString("response_json");
            if (csv) {
                row.put("target", mapper.readTree(request).path("action").path("target").textValue());
                row.put("reasonCodes", codes(mapper.readTree(response)));
            } else {
                String facts = rs.getString("facts_json");
                row.put("request", new RowWriter.RawJson(request));
                row.put("response", new RowWriter.RawJson(response));
                row.put("facts", facts == null ? null : new RowWriter.RawJson(facts));
            }
            return row;
        });
    }

    /** One row per rule fired or table row matched, in decision order, then evaluation order. */
    StreamingOutput ruleFirings(ExportFilter filter, ExportFormat format) {
        List<Object> params = new ArrayList<>();
        String sql = "SELECT d.id, d.decided_at, d.agent_id, d.outcome, d.policy_version, f.seq, f.kind, f.file, "
                + "f.name, f.row_id, f.row_index, f.reason_code, f.outcome AS rule_outcome "
                + "FROM decision_firings f JOIN decisions d ON d.id = f.decision_id"
                + filter.where(params) + " ORDER BY d.decided_at, d.id, f.seq";
        return export.of(sql, params, FIRING_COLUMNS, format, rs -> {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("decisionId", text(rs, "id"));
            row.put("decidedAt", instant(rs, "decided_at"));
            row.put("agentId", rs.getString("agent_id"));
            row.put("outcome", rs.getString("outcome"));
            row.put("policyFile", rs.getString("file"));
            row.put("kind", rs.getString("kind"));
            row.put("rule", rs.getString("name"));
            row.put("rowId", rs.getString("row_id"));
            row.put("rowIndex", (Integer) rs.getObject("row_index", Integer.class));
            row.put("reasonCode", rs.getString("reason_code"));
            row.put("ruleOutcome", rs.getString("rule_outcome"));
            row.put("policyVersion", rs.getString("policy_version"));
            row.put("seq", rs.getInt("seq"));
            return row;
        });
    }

    private static String codes(JsonNode response) {
        List<String> codes = new ArrayList<>();
        response.path("reasons").forEach(r -> codes.add(r.path("code").asText()));
        return codes.stream().collect(Collectors.joining(";"));
    }
}
