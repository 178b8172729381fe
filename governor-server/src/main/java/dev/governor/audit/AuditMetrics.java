package dev.governor.audit;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.util.concurrent.atomic.AtomicLong;

/**
 * The chain on /q/metrics: its head sequence, and the appends that failed (each one a request
 * answered 503 and not carried out). The head is what this instance last committed, and is read
 * again from {@code audit_head} every {@code governor.metrics.refresh-every} for what other
 * instances appended; it reads NaN until it is first known.
 */
@ApplicationScoped
public class AuditMetrics {

    private static final Logger LOG = Logger.getLogger(AuditMetrics.class);

    private final MeterRegistry registry;
    private final EntityManager em;
    private final AtomicLong head = new AtomicLong(-1);

    public AuditMetrics(MeterRegistry registry, EntityManager em) {
        this.registry = registry;
        this.em = em;
        Gauge.builder("governor.audit.chain.head", this, m -> m.head.get() < 0 ? Double.NaN : m.head.get())
                .description("Sequence number of the newest committed audit record").register(registry);
    }

    void committed(long seq) {
        head.accumulateAndGet(seq, Math::max);
    }

    void writeFailed(AuditKind kind) {
        Counter.builder("governor.audit.write.failures")
                .description("Audit records that could not be written (the request was answered 503, not carried out)")
                .tag("kind", kind.name()).register(registry).increment();
    }

    @Scheduled(identity = "audit-metrics", every = "${governor.metrics.refresh-every:15s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void refresh() {
        try {
            refreshNow();
        } catch (RuntimeException e) {
            LOG.debugf("audit chain head not read: %s", e.getMessage());
        }
    }

    /** @return the head sequence now known */
    @Transactional
    public long refreshNow() {
        Number seq = (Number) em.createNativeQuery("SELECT last_seq FROM audit_head WHERE id = 1").getSingleResult();
        committed(seq.longValue());
        return head.get();
    }
}
