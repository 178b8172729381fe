package dev.governor.approval;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Wakes callers long-polling an approval as soon as a change to it commits on this instance.
 * One future per watched approval, completed and dropped on every change; a watcher registers
 * before it reads, so a change between its read and its wait is never missed.
 */
@ApplicationScoped
public class ApprovalWatch {

    private final Map<UUID, CompletableFuture<Void>> watched = new ConcurrentHashMap<>();

    CompletableFuture<Void> watch(UUID approvalId) {
        return watched.computeIfAbsent(approvalId, id -> new CompletableFuture<>());
    }

    void onCommit(@Observes(during = TransactionPhase.AFTER_SUCCESS) ApprovalChanged change) {
        CompletableFuture<Void> future = watched.remove(change.approvalId());
        if (future != null) future.complete(null);
    }
}
