package dev.governor.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.StreamingOutput;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.io.OutputStream;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static dev.governor.audit.JdbcStreamer.instant;
import static dev.governor.audit.JdbcStreamer.text;

/**
 * The auditor exports, streamed from the database as they are read: the first rows leave
 * before the last are fetched, and memory stays constant. The status and headers are sent
 * before streaming starts, so a database failure half-way aborts the response (the file ends
 * early and the HTTP transfer is incomplete) and is logged; it cannot become an error body.
 */
@ApplicationScoped
public class AuditExports {

    private static final Logger LOG = Logger.getLogger(AuditExports.class);
    private static final List<String> DECISION_CSV = List.of("decisionId", "decidedAt", "agentId", "sessionId",
            "actionType", "environment", "target", "outcome", "reversibility", "blastRadius", "reasonCodes",
            "policyVersion", "approvalId", "planId", "stepIndex", "latencyMicros", "policyVerdict");
    private static final List<String> FIRING_COLUMNS = List.of("decisionId", "decidedAt", "agentId", "outcome",
            "policyFile", "kind", "rule", "rowId", "rowIndex", "reasonCode", "ruleOutcome", "policyVersion", "seq");
    private static final List<String> LOG_COLUMNS = List.of("seq", "kind", "subjectId", "actor", "at", "payload",
            "prevHash", "hash");

    private final JdbcStreamer jdbc;
    private final ObjectMapper mapper;

    public AuditExports(JdbcStreamer jdbc, ObjectMapper mapper) {
        this.jdbc = jdbc;
        this.mapper = mapper;
    }

    @FunctionalInterface
    private interface RowMapper {
        Map<String, Object> map(ResultSet rs) throws Exception;
    }

    /** One row per decision, oldest first; NDJSON rows carry the stored request, response and facts. */
    public StreamingOutput decisions(ExportFilter filter, ExportFormat format) {
        List<Object> params = new ArrayList<>();
        String sql = "SELECT d.id, d.decided_at, d.agent_id, d.session_id, d.action_type, d.environment, d.outcome, "
                + "d.policy_verdict, "
                + "d.reversibility, d.blast_radius, d.policy_version, d.approval_id, d.plan_id, d.step_index, "
                + "d.latency_micros, d.request_json, d.response_json, d.facts_json FROM decisions d"
                + filter.where(params) + " ORDER BY d.decided_at, d.id";
        boolean csv = format == ExportFormat.CSV;
        return export(sql, params, DECISION_CSV, format, rs -> {
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
    public StreamingOutput ruleFirings(ExportFilter filter, ExportFormat format) {
        List<Object> params = new ArrayList<>();
        String sql = "SELECT d.id, d.decided_at, d.agent_id, d.outcome, d.policy_version, f.seq, f.kind, f.file, "
                + "f.name, f.row_id, f.row_index, f.reason_code, f.outcome AS rule_outcome "
                + "FROM decision_firings f JOIN decisions d ON d.id = f.decision_id"
                + filter.where(params) + " ORDER BY d.decided_at, d.id, f.seq";
        return export(sql, params, FIRING_COLUMNS, format, rs -> {
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

    /** The raw chain from {@code fromSeq} on, exactly as hashed: what the offline verifier reads. */
    public StreamingOutput log(long fromSeq, ExportFormat format) {
        return export("SELECT seq, kind, subject_id, actor, recorded_at, payload, prev_hash, hash FROM audit_log "
                + "WHERE seq >= ? ORDER BY seq", List.of(fromSeq), LOG_COLUMNS, format, rs -> {
            ChainRecord r = AuditVerifier.record(rs);
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("seq", r.seq());
            row.put("kind", r.kind());
            row.put("subjectId", r.subjectId());
            row.put("actor", r.actor());
            row.put("at", r.at());
            row.put("payload", r.payload());
            row.put("prevHash", r.prevHash());
            row.put("hash", r.hash());
            return row;
        });
    }

    private StreamingOutput export(String sql, List<Object> params, List<String> csvColumns, ExportFormat format,
                                   RowMapper rows) {
        return out -> {
            RowWriter writer = writer(out, format, csvColumns);
            try {
                jdbc.withConnection(session -> {
                    session.stream(sql, params, rs -> {
                        writer.write(rows.map(rs));
                        return true;
                    });
                    return null;
                });
            } catch (IOException e) {
                throw e; // the client went away
            } catch (Exception e) {
                LOG.error("Export failed half-way; the response was cut short", e);
                throw new IOException("export failed", e);
            }
            writer.finish();
        };
    }

    private RowWriter writer(OutputStream out, ExportFormat format, List<String> csvColumns) throws IOException {
        return format == ExportFormat.CSV ? new CsvWriter(out, csvColumns) : new NdjsonWriter(mapper, out);
    }

    private static String codes(JsonNode response) {
        List<String> codes = new ArrayList<>();
        response.path("reasons").forEach(r -> codes.add(r.path("code").asText()));
        return codes.stream().collect(Collectors.joining(";"));
    }
}
