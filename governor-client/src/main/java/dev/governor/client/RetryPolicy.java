package dev.governor.client;

import java.time.Duration;

/**
 * How often and how long to retry when Governor is unavailable.
 *
 * <p>What is retried: a 503 or 429 answer to a read, a connection failure of a read, and a 503
 * problem+json from Governor itself to any call, since Governor stores nothing of a request it
 * answers with 503 (README, "Faults"). Not retried: a write that got no answer or a 503 from
 * something in between (a proxy), because it may have been carried out; the caller sees an
 * {@link UnavailableException} and decides.
 *
 * @param maxAttempts  attempts in all, the first included (1 = never retry)
 * @param defaultDelay the wait when the server names none ({@code Retry-After} absent)
 * @param maxDelay     the longest single wait; a {@code Retry-After} beyond it ends the retries
 */
public record RetryPolicy(int maxAttempts, Duration defaultDelay, Duration maxDelay) {

    public RetryPolicy {
        if (maxAttempts < 1) throw new IllegalArgumentException("maxAttempts must be at least 1");
        if (defaultDelay == null || defaultDelay.isNegative()) throw new IllegalArgumentException("defaultDelay");
        if (maxDelay == null || maxDelay.compareTo(defaultDelay) < 0) throw new IllegalArgumentException("maxDelay");
    }

    /** Three attempts, 1 s when the server names no delay, at most 10 s per wait. */
    public static RetryPolicy defaults() {
        return new RetryPolicy(3, Duration.ofSeconds(1), Duration.ofSeconds(10));
    }

    public static RetryPolicy none() {
        return new RetryPolicy(1, Duration.ZERO, Duration.ZERO);
    }
}
