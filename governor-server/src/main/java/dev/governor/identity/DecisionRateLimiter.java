package dev.governor.identity;

import dev.governor.GovernorConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * A token bucket per agent for {@code POST /v1/decisions}: {@code decisions-per-second}
 * sustained, {@code decisions-burst} at once. In memory per instance, so N instances allow N
 * times the rate; it protects Governor and the database from a runaway agent loop, it is not
 * a quota.
 */
@ApplicationScoped
public class DecisionRateLimiter {

    private final double perNano;
    private final double burst;
    private final LongSupplier nanos;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    @Inject
    public DecisionRateLimiter(GovernorConfig config) {
        this(config.auth().decisionsPerSecond(), config.auth().decisionsBurst(), System::nanoTime);
    }

    DecisionRateLimiter(int perSecond, int burst, LongSupplier nanos) {
        this.perNano = perSecond / 1e9;
        this.burst = burst;
        this.nanos = nanos;
    }

    private record Bucket(double tokens, long at) {
    }

    /** Takes one token; returns 0 when allowed, else the whole seconds to wait before retrying. */
    public long acquire(String agentId) {
        long now = nanos.getAsLong();
        long[] wait = {0};
        buckets.compute(agentId, (id, b) -> {
            double tokens = b == null ? burst : Math.min(burst, b.tokens() + (now - b.at()) * perNano);
            if (tokens >= 1) return new Bucket(tokens - 1, now);
            wait[0] = perNano <= 0 ? 1 : Math.max(1, (long) Math.ceil((1 - tokens) / perNano / 1e9));
            return new Bucket(tokens, now);
        });
        return wait[0];
    }
}
