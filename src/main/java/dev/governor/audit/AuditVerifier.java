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

/**
 * Walks the stored chain with a forward-only cursor, and checks that the rows each record binds
 * are still what it bound ({@link BindingCheck}). Memory stays constant in the chain's length,
 * apart from one entry per approval (whose latest binding is checked at the end).
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
                session.stream("SELECT seq, kind, subject_id, actor, recorded_at, payload, prev_hash, hash, sig "
                        + "FROM audit_log WHERE seq >= ? ORDER BY seq", List.of(fromSeq), rs -> {
                    ChainRecord r = record(rs);
                    if (!check.accept(r)) return false;
                    binds.accept(r);
                    return true;
                });
                Head after = head(session);
                check.checkHead(before.seq, after.seq, after.hash);
                check.checkCheckpoints();
                binds.finish();
                return VerifyResult.of(check, binds, fromSeq);
            });
        } catch (Exception e) {
            LOG.error("Audit chain could not be read", e);
            throw ApiException.unavailable("The audit log cannot be read right now; retry later");
        }
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
