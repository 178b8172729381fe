package dev.governor.audit;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.governor.api.ApiException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import org.jboss.logging.Logger;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;

/**
 * Walks the stored chain with a forward-only cursor, and checks that the rows each record binds
 * are still what it bound ({@link BindingCheck}), and that every row the owners store is bound by
 * some record. Memory grows with the number of bound rows (the ids seen, 32 bytes each, and one
 * entry per approval, whose latest binding is checked at the end), not with the records' size.
 */
@ApplicationScoped
public class AuditVerifier {

    private static final Logger LOG = Logger.getLogger(AuditVerifier.class);

    private final JdbcStreamer jdbc;
    private final Instance<BoundRecords> owners;
    private final ObjectMapper mapper;
    private final AuditSigner signer;
    private final Checkpoints checkpoints;
    private final BoundForms forms;

    public AuditVerifier(JdbcStreamer jdbc, @Any Instance<BoundRecords> owners, ObjectMapper mapper,
                         AuditSigner signer, Checkpoints checkpoints, BoundForms forms) {
        this.forms = forms;
        this.signer = signer;
        this.checkpoints = checkpoints;
        this.jdbc = jdbc;
        this.owners = owners;
        this.mapper = mapper;
    }

    /**
     * @param fromSeq          1 for the whole chain, or the first seq kept after an archive
     * @param expectedPrevHash the checkpoint hash of record {@code fromSeq - 1}; required when fromSeq > 1
     */
    public VerifyResult verify(long fromSeq, String expectedPrevHash) {
        try {
            return jdbc.withConnection(session -> {
                Head before = head(session);
                ChainCheck check = new ChainCheck(fromSeq, expectedPrevHash, signer.publicKey(), checkpoints.all());
                BindingCheck binds = new BindingCheck(owners.stream().toList(), forms, mapper);
                walk(session, fromSeq, check, binds);
                Head after = head(session);
                check.checkHead(before.seq, after.seq, after.hash);
                check.checkCheckpoints();
                binds.finish();
                String unbound = check.valid() && binds.first().seq() == null && fromSeq == 1
                        ? firstUnbound(session, check, binds) : null;
                return VerifyResult.of(check, binds, fromSeq, unbound);
            });
        } catch (Exception e) {
            LOG.error("Audit chain could not be read", e);
            throw ApiException.unavailable("The audit log cannot be read right now; retry later");
        }
    }

    private static void walk(JdbcStreamer.Session session, long fromSeq, ChainCheck check, BindingCheck binds)
            throws Exception {
        session.stream("SELECT seq, kind, subject_id, actor, recorded_at, payload, prev_hash, hash, sig "
                + "FROM audit_log WHERE seq >= ? ORDER BY seq", List.of(fromSeq), rs -> {
            ChainRecord r = record(rs);
            if (!check.accept(r)) return false;
            binds.accept(r);
            return true;
        });
    }

    /**
     * The first row an owner stores that no record binds (inserted outside Governor), or null.
     * A row committed after the walk ended is not yet among the bindings seen, but its record
     * committed with it: before a row counts as unbound, the walk catches up with the chain.
     */
    private String firstUnbound(JdbcStreamer.Session session, ChainCheck check, BindingCheck binds) throws Exception {
        for (BoundRecords owner : owners) {
            UUID after = null;
            for (List<UUID> page; !(page = owner.ids(after, BoundForms.PAGE)).isEmpty(); after = page.get(page.size() - 1)) {
                List<UUID> unbound = binds.unbound(owner.kind(), page);
                if (unbound.isEmpty()) continue;
                walk(session, check.lastSeq() + 1, check, binds);
                binds.finish();
                if (!check.valid() || binds.first().seq() != null) return null;
                unbound = binds.unbound(owner.kind(), unbound);
                if (!unbound.isEmpty()) return owner.kind() + " " + unbound.get(0);
            }
        }
        return null;
    }

    /** A row of {@code audit_log} as the chain sees it. */
    static ChainRecord record(ResultSet rs) throws SQLException {
        return new ChainRecord(rs.getLong("seq"), rs.getString("kind"), rs.getString("subject_id"),
                rs.getString("actor"),
                ChainHash.formatAt(rs.getObject("recorded_at", java.time.OffsetDateTime.class).toInstant()),
                rs.getString("payload"), rs.getString("prev_hash"), rs.getString("hash"), rs.getString("sig"));
    }

    private static Head head(JdbcStreamer.Session session) throws Exception {
        Head[] head = {new Head(0, ChainHash.GENESIS)};
        session.stream("SELECT last_seq, last_hash FROM audit_head WHERE id = 1", List.of(), rs -> {
            head[0] = new Head(rs.getLong(1), rs.getString(2));
            return false;
        });
        return head[0];
    }

    private record Head(long seq, String hash) {
    }
}
