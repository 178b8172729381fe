package dev.governor.audit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.StreamingOutput;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The raw chain, streamed for auditors (the decision exports belong to the decision package). */
@ApplicationScoped
public class AuditExports {

    private static final List<String> LOG_COLUMNS = List.of("seq", "kind", "subjectId", "actor", "at", "payload",
            "prevHash", "hash", "sig");

    private final StreamedExport export;

    public AuditExports(StreamedExport export) {
        this.export = export;
    }

    /** The raw chain from {@code fromSeq} on, exactly as hashed: what the offline verifier reads. */
    public StreamingOutput log(long fromSeq, ExportFormat format) {
        return export.of("SELECT seq, kind, subject_id, actor, recorded_at, payload, prev_hash, hash, sig FROM audit_log "
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
            row.put("sig", r.sig());
            return row;
        });
    }
}
