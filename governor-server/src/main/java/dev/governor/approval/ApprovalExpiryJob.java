package dev.governor.approval;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;

/** Expiry needs no request: approvals past their time are marked EXPIRED in the background. */
@ApplicationScoped
public class ApprovalExpiryJob {

    private final ApprovalService approvals;

    public ApprovalExpiryJob(ApprovalService approvals) {
        this.approvals = approvals;
    }

    @Scheduled(identity = "approval-expiry", every = "${governor.approval.expiry-every:30s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void run() {
        expireNow();
    }

    /** @return how many approvals this run expired */
    public int expireNow() {
        return approvals.expireDue();
    }
}
