package dev.governor.identity;

import dev.governor.GovernorConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Counts failed authentications per source (an address and the hash of the credential it
 * presented) in a fixed window. Past the limit the source is refused with 429 until its window
 * ends, so retrying a wrong or revoked key costs time. Kept in
 * memory per instance: a restart or another instance starts from zero.
 */
@ApplicationScoped
public class AuthFailures {

    private static final int MAX_TRACKED = 10_000;

    private final int maxFailures;
    private final long windowNanos;
    private final LongSupplier nanos;
    private final Map<String, Window> windows = new ConcurrentHashMap<>();

    @Inject
    public AuthFailures(GovernorConfig config) {
        this(config.auth().maxFailures(), config.auth().failureWindow(), System::nanoTime);
    }

    AuthFailures(int maxFailures, Duration window, LongSupplier nanos) {
        this.maxFailures = maxFailures;
        this.windowNanos = window.toNanos();
        this.nanos = nanos;
    }

    private record Window(long start, int failures) {
    }

    /** Seconds until the source may try again, or 0 when it is not blocked. */
    public long blockedForSeconds(String source) {
        Window w = windows.get(source);
        long now = nanos.getAsLong();
        if (w == null || now - w.start() >= windowNanos || w.failures() < maxFailures) return 0;
        return Math.max(1, Duration.ofNanos(windowNanos - (now - w.start())).toSeconds() + 1);
    }

    int tracked() {
        return windows.size();
    }

    public void failed(String source) {
        long now = nanos.getAsLong();
        if (windows.size() > MAX_TRACKED) {
            // Keyed by credential, a spray of random keys adds one entry per key; dropping only the
            // expired ones would leave the map full and every later failure scanning it. Forget what
            // has expired and what blocks no one yet: blocked sources stay blocked.
            windows.values().removeIf(w -> now - w.start() >= windowNanos || w.failures() < maxFailures);
        }
        windows.merge(source, new Window(now, 1), (old, one) ->
                now - old.start() >= windowNanos ? one : new Window(old.start(), old.failures() + 1));
    }
}
