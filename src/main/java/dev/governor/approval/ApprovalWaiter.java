package dev.governor.approval;

import dev.governor.GovernorConfig;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * {@code GET /v1/approvals/{id}?waitSeconds=N}: returns as soon as a PENDING approval changes, or
 * after N seconds. Wakes on this instance's own changes at once, and re-reads the database every
 * {@code governor.approval.recheck} for changes made by another instance; never spins.
 */
@ApplicationScoped
public class ApprovalWaiter {

    private final ApprovalService approvals;
    private final ApprovalWatch watch;
    private final GovernorConfig config;

    public ApprovalWaiter(ApprovalService approvals, ApprovalWatch watch, GovernorConfig config) {
        this.approvals = approvals;
        this.watch = watch;
        this.config = config;
    }

    /** Runs on a worker thread (it blocks); only PENDING approvals are waited on. */
    public ApprovalView await(UUID id, int waitSeconds) {
        long deadline = System.nanoTime() + Duration.ofSeconds(waitSeconds).toNanos();
        long recheck = Math.max(1, config.approval().recheck().toNanos());
        ApprovalView first = approvals.get(id);
        ApprovalView current = first;
        while (current.status() == ApprovalStatus.PENDING && current.version() == first.version()) {
            long remaining = deadline - System.nanoTime();
            if (remaining <= 0) break;
            var wake = watch.watch(id);
            current = approvals.get(id); // read after registering: no change slips between
            if (current.status() != ApprovalStatus.PENDING || current.version() != first.version()) break;
            try {
                wake.get(Math.min(remaining, recheck), TimeUnit.NANOSECONDS);
            } catch (TimeoutException e) {
                // periodic re-read below catches changes committed by another instance
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            } catch (ExecutionException e) {
                throw new IllegalStateException(e);
            }
            current = approvals.get(id);
        }
        return current;
    }
}
