package dev.governor.approval;

import dev.governor.GovernorConfig;
import dev.governor.api.ApiException;
import dev.governor.identity.Throttles;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * How many long-polls each caller has open on this instance, capped at
 * {@code governor.approval.max-waits-per-caller}: a wait holds no thread, but it holds a
 * connection and a timer, and one runaway client must not take them all. Per instance, like
 * the decision rate limit.
 */
@ApplicationScoped
public class ApprovalWaitSlots {

    /** A retry soon is sensible: slots free up as soon as any of the caller's waits ends. */
    static final long RETRY_AFTER_SECONDS = 1;

    private final int cap;
    private final Throttles throttles;
    private final Map<String, Integer> open = new ConcurrentHashMap<>();

    public ApprovalWaitSlots(GovernorConfig config, Throttles throttles) {
        this.cap = config.approval().maxWaitsPerCaller();
        this.throttles = throttles;
    }

    /** Takes a slot for this caller, or refuses with 429 when all of its slots are taken. */
    void acquire(String caller) {
        boolean[] taken = {false};
        open.compute(caller, (c, n) -> {
            int now = n == null ? 0 : n;
            if (now >= cap) return n;
            taken[0] = true;
            return now + 1;
        });
        if (!taken[0]) {
            throttles.count(Throttles.APPROVAL_WAITS);
            throw ApiException.tooManyRequests(caller + " already waits on " + cap + " approvals at once (the most"
                    + " governor.approval.max-waits-per-caller allows); retry when one of those waits ends",
                    RETRY_AFTER_SECONDS);
        }
    }

    /** Gives a slot back; called exactly once per acquired slot, however the wait ended. */
    void release(String caller) {
        open.computeIfPresent(caller, (c, n) -> n <= 1 ? null : n - 1);
    }

    /** Waits this caller has open now (for tests and diagnostics). */
    public int openFor(String caller) {
        return open.getOrDefault(caller, 0);
    }
}
