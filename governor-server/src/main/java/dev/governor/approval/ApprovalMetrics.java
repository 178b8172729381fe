package dev.governor.approval;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.EnumSet;
import java.util.Set;

/**
 * Approvals on /q/metrics: how many wait for a person, and how long people take to decide. The
 * pending count is read from the database every {@code governor.metrics.refresh-every}, so it
 * covers approvals opened on every instance; it reads NaN (unknown, never zero) when that read fails.
 */
@ApplicationScoped
public class ApprovalMetrics {

    private static final Logger LOG = Logger.getLogger(ApprovalMetrics.class);
    private static final Set<ApprovalEventEntity.Type> ENDINGS = EnumSet.of(ApprovalEventEntity.Type.APPROVED,
            ApprovalEventEntity.Type.REJECTED, ApprovalEventEntity.Type.EXPIRED);

    private final MeterRegistry registry;
    private final ApprovalService approvals;
    private volatile double pending = Double.NaN;

    public ApprovalMetrics(MeterRegistry registry, ApprovalService approvals) {
        this.registry = registry;
        this.approvals = approvals;
        Gauge.builder("governor.approvals.pending", this, m -> m.pending)
                .description("Approvals waiting for a person (all instances; NaN when the database could not be read)")
                .register(registry);
    }

    void onCommit(@Observes(during = TransactionPhase.AFTER_SUCCESS) ApprovalChanged change) {
        if (!ENDINGS.contains(change.event()) || change.openedAt() == null || change.at() == null) return;
        Timer.builder("governor.approval.time.to.decision")
                .description("From an approval's opening to its approval, rejection or expiry")
                .tag("result", change.event().name())
                .publishPercentileHistogram().minimumExpectedValue(Duration.ofSeconds(1)).maximumExpectedValue(Duration.ofDays(1))
                .register(registry).record(Duration.between(change.openedAt(), change.at()));
    }

    @Scheduled(identity = "approval-metrics", every = "${governor.metrics.refresh-every:15s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void refresh() {
        refreshNow();
    }

    /** @return the pending count now read, NaN when it could not be */
    public double refreshNow() {
        try {
            pending = approvals.count(ApprovalStatus.PENDING);
        } catch (RuntimeException e) {
            LOG.debugf("pending approvals not counted: %s", e.getMessage());
            pending = Double.NaN;
        }
        return pending;
    }
}
