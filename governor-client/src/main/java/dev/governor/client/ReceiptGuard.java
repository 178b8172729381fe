package dev.governor.client;

import java.security.PublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * What an executor keeps in front of the action: a receipt is accepted once, only for an
 * {@code ALLOW}, only for this exact action and only before it expires. Decisions seen are
 * remembered until their receipts expire, so the memory stays bounded by the traffic of the
 * receipts' lifetime (60 s by default).
 *
 * <p>{@link #refreshing} fetches the keys again when a receipt names a key it does not hold (Governor
 * rotated its key), at most once per interval, so receipts naming made-up keys cannot make it
 * hammer Governor.
 */
public final class ReceiptGuard {

    private final Supplier<Map<String, PublicKey>> source;
    private final Duration refreshEvery;
    private final Map<UUID, Instant> seen = new ConcurrentHashMap<>();
    private volatile Map<String, PublicKey> keys;
    private volatile Instant fetchedAt;

    public ReceiptGuard(Map<String, PublicKey> keys) {
        this.source = null;
        this.refreshEvery = null;
        this.keys = Map.copyOf(keys);
    }

    private ReceiptGuard(Supplier<Map<String, PublicKey>> source, Duration refreshEvery) {
        this.source = Objects.requireNonNull(source);
        this.refreshEvery = Objects.requireNonNull(refreshEvery);
    }

    /** Keys from {@code source} (e.g. {@link GovernorClient#publicKeys}), fetched on first use and on rotation. */
    public static ReceiptGuard refreshing(Supplier<Map<String, PublicKey>> source, Duration refreshEvery) {
        return new ReceiptGuard(source, refreshEvery);
    }

    public Receipts.Claims accept(String receipt, Object action) throws Receipts.InvalidReceiptException {
        return accept(receipt, action, Instant.now());
    }

    public Receipts.Claims accept(String receipt, Object action, Instant now) throws Receipts.InvalidReceiptException {
        Receipts.Claims claims = Receipts.verify(receipt, action, keysFor(Receipts.keyId(receipt), now), now);
        if (!"ALLOW".equals(claims.outcome())) {
            throw new Receipts.InvalidReceiptException("the decision was " + claims.outcome() + ", not ALLOW");
        }
        seen.values().removeIf(expiry -> !now.isBefore(expiry));
        if (seen.putIfAbsent(claims.decisionId(), claims.expiresAt()) != null) {
            throw new Receipts.InvalidReceiptException("decision " + claims.decisionId() + " was already acted on");
        }
        return claims;
    }

    private Map<String, PublicKey> keysFor(String keyId, Instant now) {
        if (source == null) return keys;
        Map<String, PublicKey> held = keys;
        // A receipt naming no key (unreadable) is refused by verify; it needs the keys only once.
        if (held != null && (keyId == null || held.containsKey(keyId))) return held;
        synchronized (this) {
            boolean stale = keys == null
                    || (keyId != null && !keys.containsKey(keyId) && !now.isBefore(fetchedAt.plus(refreshEvery)));
            if (stale) {
                keys = Map.copyOf(source.get());
                fetchedAt = now;
            }
            return keys;
        }
    }
}
