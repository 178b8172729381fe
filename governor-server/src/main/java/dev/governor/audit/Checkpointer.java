package dev.governor.audit;

import dev.governor.GovernorConfig;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

/**
 * When to sign a checkpoint: after {@code governor.audit.checkpoints.every-records} records, every
 * {@code governor.audit.checkpoints.every} if the chain moved, and at shutdown. It signs only heads
 * this process itself committed (reported by {@link AuditTrail} after each commit), never the head
 * it reads from the database, so a head rewound or advanced by SQL is never signed.
 */
@ApplicationScoped
public class Checkpointer {

    private static final Logger LOG = Logger.getLogger(Checkpointer.class);

    private final Checkpoints store;
    private final int everyRecords;
    private final AtomicReference<AuditTrail.Receipt> committed = new AtomicReference<>();
    private final AtomicBoolean queued = new AtomicBoolean();
    private final ExecutorService writer = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "audit-checkpoint");
        t.setDaemon(true);
        return t;
    });
    private volatile long signedSeq;

    public Checkpointer(Checkpoints store, GovernorConfig config) {
        this.store = store;
        this.everyRecords = config.audit().checkpoints().everyRecords();
    }

    /** A record this process appended has committed. */
    void committed(AuditTrail.Receipt receipt) {
        if (receipt.seq() <= signedSeq) {
            LOG.errorf("Audit record %d committed, but seq %d is already signed: the chain was cut back or restored "
                    + "behind Governor's back; GET /v1/audit/verify reports where", receipt.seq(), signedSeq);
        }
        committed.accumulateAndGet(receipt, (a, b) -> a == null || b.seq() > a.seq() ? b : a);
        if (receipt.seq() - signedSeq >= everyRecords && queued.compareAndSet(false, true)) {
            writer.execute(() -> {
                queued.set(false);
                write();
            });
        }
    }

    @Scheduled(identity = "audit-checkpoint", every = "${governor.audit.checkpoints.every}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void tick() {
        write();
    }

    void onStop(@Observes ShutdownEvent event) {
        write();
        writer.shutdown();
    }

    private void write() {
        try {
            checkpointNow();
        } catch (RuntimeException e) {
            LOG.error("Audit checkpoint could not be written; the next one covers these records", e);
        }
    }

    /** Signs the latest head this process committed, if no checkpoint covers it yet. */
    public synchronized Optional<Checkpoint> checkpointNow() {
        AuditTrail.Receipt head = committed.get();
        if (head == null || head.seq() <= signedSeq) return Optional.empty();
        Checkpoint cp = store.write(head.seq(), head.hash());
        signedSeq = head.seq();
        return Optional.of(cp);
    }
}
