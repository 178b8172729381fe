package dev.governor.audit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.ws.rs.core.StreamingOutput;

import java.sql.ResultSet;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The raw chain, streamed for auditors (the decision exports belong to the decision package). */
@ApplicationScoped
public class AuditExports {

    private static final String LOG_QUERY = "SELECT seq, kind, subject_id, actor, recorded_at, payload, prev_hash, "
            + "hash, sig FROM audit_log WHERE seq >= ? ORDER BY seq";
    private static final List<String> LOG_COLUMNS = List.of("seq", "kind", "subjectId", "actor", "at", "payload",
            "prevHash", "hash", "sig");

    private final StreamedExport export;
    private final JdbcStreamer jdbc;
    private final Instance<BoundRecords> owners;
    private final BoundForms forms;

    public AuditExports(StreamedExport export, JdbcStreamer jdbc, @Any Instance<BoundRecords> owners, BoundForms forms) {
        this.export = export;
        this.jdbc = jdbc;
        this.owners = owners;
        this.forms = forms;
    }

    /** The raw chain from {@code fromSeq} on, exactly as hashed: what the offline verifier reads. */
    public StreamingOutput log(long fromSeq, ExportFormat format) {
        return export.of(LOG_QUERY, List.of(fromSeq), LOG_COLUMNS, format, AuditExports::line);
    }

    /**
     * Everything the offline verifier needs to recompute what the chain binds, as NDJSON: a header
     * line with the chain head read first ({@code rowsAsOf}), then every bound row in its canonical
     * form (the text whose SHA-256 its record holds), then the whole chain as {@link #log} writes it.
     * Rows are read after the head and records after the rows, so every record up to
     * {@code rowsAsOf} finds its row, and every row finds the records that bind it.
     */
    public StreamingOutput bundle() {
        return export.streamed(ExportFormat.NDJSON, LOG_COLUMNS, writer -> {
            long head = jdbc.withConnection(session -> {
                long[] seq = {0};
                session.stream("SELECT last_seq FROM audit_head WHERE id = 1", List.of(), rs -> {
                    seq[0] = rs.getLong(1);
                    return false;
                });
                return seq[0];
            });
            Map<String, Object> header = new LinkedHashMap<>();
            header.put("bundle", ChainHash.BUNDLE);
            header.put("rowsAsOf", head);
            writer.write(header);
            for (BoundRecords owner : owners.stream().sorted(Comparator.comparing(BoundRecords::kind)).toList()) {
                forms.each(owner, row -> {
                    Map<String, Object> line = new LinkedHashMap<>();
                    line.put("row", owner.kind());
                    line.put("id", row.id().toString());
                    line.put("changes", owner.changes());
                    line.put("form", row.form());
                    writer.write(line);
                });
            }
            export.copy(LOG_QUERY, List.of(1L), AuditExports::line, writer);
        });
    }

    private static Map<String, Object> line(ResultSet rs) throws Exception {
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
        row.put("sig", r.sig());
        return row;
    }
}
