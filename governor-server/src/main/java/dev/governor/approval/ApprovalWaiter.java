package dev.governor.approval;

import dev.governor.GovernorConfig;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * {@code GET /v1/approvals/{id}?waitSeconds=N}: returns as soon as a PENDING approval changes, or
 * after N seconds. Wakes on this instance's own changes at once (the {@link ApprovalWatch} future),
 * and re-reads the approval's version every {@code governor.approval.recheck} for changes made by
 * another instance. No thread is parked for the wait: between reads a wait is only a future and
 * a timer; the reads themselves run on the worker pool, because the database calls block.
 */
@ApplicationScoped
public class ApprovalWaiter {

    private static final long MIN_TIMER_NANOS = Duration.ofMillis(1).toNanos();

    private final ApprovalService approvals;
    private final ApprovalWatch watch;
    private final ApprovalWaitSlots slots;
    private final GovernorConfig config;

    public ApprovalWaiter(ApprovalService approvals, ApprovalWatch watch, ApprovalWaitSlots slots,
                          GovernorConfig config) {
        this.approvals = approvals;
        this.watch = watch;
        this.slots = slots;
        this.config = config;
    }

    /**
     * Waits on {@code first} (as the caller just read it) for a change. Takes one of the caller's
     * wait slots (429 when none is free) and gives it back however the wait ends: a change, the
     * deadline, a failure, or the client going away (the subscription is cancelled).
     */
    public Uni<ApprovalView> await(String caller, ApprovalView first, int waitSeconds) {
        if (first.status() != ApprovalStatus.PENDING || waitSeconds <= 0) return Uni.createFrom().item(first);
        slots.acquire(caller);
        long deadline = System.nanoTime() + Duration.ofSeconds(waitSeconds).toNanos();
        return round(first.id(), first.version(), deadline)
                .onItem().transformToUni(ignored -> blocking(() -> approvals.get(first.id())))
                .onTermination().invoke(() -> slots.release(caller));
    }

    /** Completes once the version differs from {@code version} (or the approval is gone) or the deadline passed. */
    private Uni<Void> round(UUID id, long version, long deadline) {
        if (deadline - System.nanoTime() <= 0) return Uni.createFrom().voidItem();
        // Register before reading: a change committed between the read and the wait still wakes us.
        var wake = watch.watch(id);
        return blocking(() -> approvals.version(id)).onItem().transformToUni(current -> {
            long remaining = deadline - System.nanoTime();
            if (!Objects.equals(current, version) || remaining <= 0) return Uni.createFrom().voidItem();
            long recheck = Math.max(1, config.approval().recheck().toNanos());
            // copy(): cancelling this wait must not cancel the future other waiters share
            return Uni.createFrom().completionStage(wake.copy())
                    // Vert.x refuses timers under 1 ms, and a refused timer would leave the wait hanging
                    .ifNoItem().after(Duration.ofNanos(Math.max(MIN_TIMER_NANOS, Math.min(remaining, recheck))))
                    .recoverWithItem((Void) null)
                    .onItem().transformToUni(woken -> round(id, version, deadline));
        });
    }

    private static <T> Uni<T> blocking(Supplier<T> read) {
        return Uni.createFrom().item(read).runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
    }
}
