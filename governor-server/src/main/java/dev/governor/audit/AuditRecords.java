package dev.governor.audit;

import jakarta.enterprise.context.ApplicationScoped;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * The chain records about given subjects (a decision, its approvals), for other features to show
 * without reading the audit table themselves. Raw JDBC like the rest of the chain: the records
 * are read exactly as they were hashed.
 */
@ApplicationScoped
public class AuditRecords {

    private final JdbcStreamer jdbc;

    public AuditRecords(JdbcStreamer jdbc) {
        this.jdbc = jdbc;
    }

    /** {@code at} is the record time as the chain hashes it. */
    public record Ref(long seq, String kind, String at, String hash) {
    }

    /** Every record whose subject is one of {@code subjectIds}, in chain order. */
    public List<Ref> about(Collection<String> subjectIds) {
        if (subjectIds.isEmpty()) return List.of();
        List<Object> params = new ArrayList<>(subjectIds);
        List<Ref> refs = new ArrayList<>();
        try {
            jdbc.withConnection(session -> {
                session.stream("SELECT seq, kind, recorded_at, hash FROM audit_log WHERE subject_id IN (?"
                        + ", ?".repeat(subjectIds.size() - 1) + ") ORDER BY seq", params, rs -> {
                    refs.add(new Ref(rs.getLong("seq"), rs.getString("kind"),
                            ChainHash.formatAt(rs.getObject("recorded_at", OffsetDateTime.class).toInstant()),
                            rs.getString("hash")));
                    return true;
                });
                return null;
            });
        } catch (Exception e) {
            throw new IllegalStateException("cannot read the audit records about " + subjectIds, e);
        }
        return refs;
    }
}
