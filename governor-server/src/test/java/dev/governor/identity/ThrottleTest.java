package dev.governor.identity;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/** The rate limiter and the failed-authentication counter, on a hand-driven clock. */
class ThrottleTest {

    private final AtomicLong nanos = new AtomicLong(1_000_000_000L);

    @Test
    void aKeyGetsItsBurstThenWaitsForTheSustainedRate() {
        DecisionRateLimiter limiter = new DecisionRateLimiter(2, 3, nanos::get);
        assertThat(limiter.acquire("a")).isZero();
        assertThat(limiter.acquire("a")).isZero();
        assertThat(limiter.acquire("a")).isZero();
        assertThat(limiter.acquire("a")).isEqualTo(1); // throttled: retry after a second
        assertThat(limiter.acquire("b")).as("another agent's bucket").isZero();
        nanos.addAndGet(Duration.ofMillis(500).toNanos()); // one token back at 2/s
        assertThat(limiter.acquire("a")).isZero();
        assertThat(limiter.acquire("a")).isEqualTo(1);
    }

    @Test
    void anAddressIsRefusedAfterTooManyFailuresUntilItsWindowEnds() {
        AuthFailures failures = new AuthFailures(3, Duration.ofMinutes(1), nanos::get);
        for (int i = 0; i < 3; i++) {
            assertThat(failures.blockedForSeconds("10.0.0.1")).isZero();
            failures.failed("10.0.0.1");
        }
        assertThat(failures.blockedForSeconds("10.0.0.1")).isBetween(1L, 61L);
        assertThat(failures.blockedForSeconds("10.0.0.2")).isZero();
        nanos.addAndGet(Duration.ofMinutes(1).toNanos());
        assertThat(failures.blockedForSeconds("10.0.0.1")).isZero();
    }

    @Test
    void aSprayOfRandomKeysNeitherGrowsTheCounterWithoutBoundNorLiftsABlock() {
        AuthFailures failures = new AuthFailures(3, Duration.ofMinutes(1), nanos::get);
        for (int i = 0; i < 3; i++) failures.failed("10.0.0.1 blocked-key");
        for (int i = 0; i < 25_000; i++) failures.failed("10.0.0.9 sprayed-key-" + i);
        assertThat(failures.tracked()).isLessThanOrEqualTo(10_001);
        assertThat(failures.blockedForSeconds("10.0.0.1 blocked-key")).isPositive();
    }
}
