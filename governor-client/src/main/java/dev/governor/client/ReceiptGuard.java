package dev.governor.client;

import java.security.PublicKey;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What an executor keeps in front of the action: a receipt is accepted once, only for an
 * {@code ALLOW}, only for this exact action and only before it expires. Decisions seen are
 * remembered until their receipts expire, so the memory stays bounded by the traffic of the
 * receipts' lifetime (60 s by default).
 */
public final class ReceiptGuard {

    private final Map<String, PublicKey> keys;
    private final Map<UUID, Instant> seen = new ConcurrentHashMap<>();

    public ReceiptGuard(Map<String, PublicKey> keys) {
        this.keys = Map.copyOf(keys);
    }

    public Receipts.Claims accept(String receipt, Object action) throws Receipts.InvalidReceiptException {
        return accept(receipt, action, Instant.now());
    }

    public Receipts.Claims accept(String receipt, Object action, Instant now) throws Receipts.InvalidReceiptException {
        Receipts.Claims claims = Receipts.verify(receipt, action, keys, now);
        if (!"ALLOW".equals(claims.outcome())) {
            throw new Receipts.InvalidReceiptException("the decision was " + claims.outcome() + ", not ALLOW");
        }
        seen.values().removeIf(expiry -> !now.isBefore(expiry));
        if (seen.putIfAbsent(claims.decisionId(), claims.expiresAt()) != null) {
            throw new Receipts.InvalidReceiptException("decision " + claims.decisionId() + " was already acted on");
        }
        return claims;
    }
}
