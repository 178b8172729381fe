package dev.governor.audit;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.governor.GovernorConfig;
import dev.governor.api.ApiException;
import dev.governor.api.Infrastructure;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import org.hibernate.Session;
import org.jboss.logging.Logger;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * Appends records to the hash chain, in the caller's transaction: a record commits or rolls
 * back with the change it describes.
 *
 * <p>Every append locks the one row of {@code audit_head} ({@code SELECT ... FOR UPDATE}) until
 * the caller's transaction ends. That is what keeps {@code seq} gap-free and the chain linear
 * across all instances sharing the database; the price is that audited writes (decisions
 * included) commit one at a time, so throughput is bounded by the commit latency of the
 * database (roughly 1 / commit time, a few thousand per second on local disks). Callers
 * therefore append as late as possible in their transaction.
 *
 * <p>Each record is signed ({@link AuditSigner}) over its hash; once its transaction commits, the
 * {@link Checkpointer} hears of it.
 *
 * <p>Raw JDBC on the transaction's own connection rather than entities: the chain needs the head
 * lock, a per-statement timeout and the stored text exactly as hashed, statement by statement.
 */
@ApplicationScoped
public class AuditTrail {

    private static final Logger LOG = Logger.getLogger(AuditTrail.class);

    private final EntityManager em;
    private final CanonicalJson json;
    private final Clock clock;
    private final int timeoutSeconds;
    private final AuditSigner signer;
    private final Checkpointer checkpointer;
    private final TransactionSynchronizationRegistry transactions;
    private final AuditMetrics metrics;

    public AuditTrail(EntityManager em, CanonicalJson json, Clock clock, GovernorConfig config, AuditSigner signer,
                      Checkpointer checkpointer, TransactionSynchronizationRegistry transactions, AuditMetrics metrics) {
        this.em = em;
        this.metrics = metrics;
        this.signer = signer;
        this.checkpointer = checkpointer;
        this.transactions = transactions;
        this.json = json;
        this.clock = clock;
        // JDBC query timeouts are whole seconds; round up so a short setting never means "no timeout".
        this.timeoutSeconds = (int) Math.max(1, (config.audit().writeTimeout().toMillis() + 999) / 1000);
    }

    /**
     * Appends one record; joins the caller's transaction or starts one. If the record cannot be
     * written within {@code governor.audit.write-timeout}, throws a 503 {@link ApiException} and the
     * caller's transaction rolls back: nothing is answered that is not recorded.
     */
    @Transactional
    public Receipt append(AuditEvent event) {
        String payload = json.write(withBinds(event));
        Instant at = clock.instant().truncatedTo(ChronoUnit.MICROS);
        try {
            Receipt receipt = em.unwrap(Session.class).doReturningWork(c -> write(c, event, payload, at));
            transactions.registerInterposedSynchronization(new Synchronization() {
                @Override
                public void beforeCompletion() {
                }

                @Override
                public void afterCompletion(int status) {
                    if (status != Status.STATUS_COMMITTED) return;
                    checkpointer.committed(receipt);
                    metrics.committed(receipt.seq());
                }
            });
            return receipt;
        } catch (PersistenceException e) {
            metrics.writeFailed(event.kind());
            // A busy or unreachable database is an expected fault, answered 503: one line. Anything
            // else (a constraint, a bug) keeps its stack trace.
            if (Infrastructure.isFault(e)) {
                LOG.warnf("Audit record %s %s could not be written, the database failed or timed out: %s",
                        event.kind(), event.subjectId(), Infrastructure.rootMessage(e));
            } else {
                LOG.errorf(e, "Audit record %s %s could not be written", event.kind(), event.subjectId());
            }
            throw ApiException.unavailable("The audit log cannot be written right now, so the request was not carried out; retry later");
        }
    }

    /** The payload, with the record's bindings under {@code binds} when it has any. */
    private Object withBinds(AuditEvent event) {
        if (event.binds().isEmpty()) return event.payload();
        if (!(json.tree(event.payload()) instanceof ObjectNode object)) {
            throw new IllegalArgumentException("a record that binds rows needs an object payload: " + event.kind());
        }
        ObjectNode copy = object.deepCopy();
        copy.set(BindingCheck.FIELD, json.tree(event.binds()));
        return copy;
    }

    private Receipt write(Connection c, AuditEvent event, String payload, Instant at) throws SQLException {
        long lastSeq;
        String lastHash;
        try (PreparedStatement lock = c.prepareStatement(
                "SELECT last_seq, last_hash FROM audit_head WHERE id = 1 FOR UPDATE")) {
            lock.setQueryTimeout(timeoutSeconds);
            try (ResultSet rs = lock.executeQuery()) {
                if (!rs.next()) {
                    throw new SQLException("audit_head has no row; the V5 migration did not run");
                }
                lastSeq = rs.getLong(1);
                lastHash = rs.getString(2);
            }
        }
        long seq = lastSeq + 1;
        String hash = ChainHash.of(lastHash, seq, event.kind().name(), event.subjectId(), event.actor(),
                ChainHash.formatAt(at), payload);
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO audit_log "
                + "(seq, kind, subject_id, actor, recorded_at, payload, prev_hash, hash, sig) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            insert.setQueryTimeout(timeoutSeconds);
            insert.setLong(1, seq);
            insert.setString(2, event.kind().name());
            insert.setString(3, event.subjectId());
            insert.setString(4, event.actor());
            insert.setObject(5, at.atOffset(ZoneOffset.UTC));
            insert.setString(6, payload);
            insert.setString(7, lastHash);
            insert.setString(8, hash);
            insert.setString(9, signer.sign(Signatures.record(hash)));
            insert.executeUpdate();
        }
        try (PreparedStatement head = c.prepareStatement(
                "UPDATE audit_head SET last_seq = ?, last_hash = ? WHERE id = 1")) {
            head.setQueryTimeout(timeoutSeconds);
            head.setLong(1, seq);
            head.setString(2, hash);
            head.executeUpdate();
        }
        return new Receipt(seq, hash);
    }

    /** Where a record landed in the chain. */
    public record Receipt(long seq, String hash) {
    }
}
