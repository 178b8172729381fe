package dev.governor.client;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;

import static dev.governor.client.TestReceipts.claims;
import static dev.governor.client.TestReceipts.jwks;
import static dev.governor.client.TestReceipts.receipt;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The verifier as an executor runs it, against receipts made here the way the README says
 * Governor makes them: each way to cheat (another action, an edited outcome or expiry, a replay,
 * a key rotated out, a forged key) is refused.
 */
class ReceiptsTest {

    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final Instant NOW = Instant.parse("2026-12-04T10:00:00Z");
    private static final Map<String, Object> ACTION = Map.of("type", "config.update", "environment", "production",
            "target", "svc/payments", "impact", Map.of("records", 0, "users", 0, "monetaryValue", 40.0));

    private static KeyPair governor;
    private static Map<String, PublicKey> keys;

    @BeforeAll
    static void keys() throws Exception {
        governor = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        keys = Receipts.keys(jwks("k1", governor.getPublic()));
    }

    @Test
    void aGenuineReceiptForThisActionIsAcceptedOnce() throws Exception {
        String receipt = receipt("k1", governor.getPrivate(), claims(UUID.randomUUID(), "ALLOW", Receipts.fingerprint(ACTION), NOW.plusSeconds(60)));
        Receipts.Claims claims = Receipts.verify(receipt, ACTION, keys, NOW);
        assertThat(claims.outcome()).isEqualTo("ALLOW");
        assertThat(claims.auditSeq()).isEqualTo(42);

        ReceiptGuard guard = new ReceiptGuard(keys);
        guard.accept(receipt, ACTION, NOW);
        assertThatThrownBy(() -> guard.accept(receipt, ACTION, NOW.plusSeconds(1)))
                .hasMessageContaining("already acted on");
    }

    @Test
    void theSameFingerprintWhateverTheNumbersLookLike() {
        assertThat(Receipts.fingerprint(Map.of("impact", Map.of("monetaryValue", 40))))
                .isEqualTo(Receipts.fingerprint(Map.of("impact", Map.of("monetaryValue", 40.00))));
    }

    @Test
    void anotherActionIsRefused() throws Exception {
        String receipt = receipt("k1", governor.getPrivate(), claims(UUID.randomUUID(), "ALLOW", Receipts.fingerprint(ACTION), NOW.plusSeconds(60)));
        Map<String, Object> other = Map.of("type", "config.update", "environment", "production", "target", "svc/ledger",
                "impact", Map.of("records", 0, "users", 0, "monetaryValue", 40.0));
        assertThatThrownBy(() -> Receipts.verify(receipt, other, keys, NOW)).hasMessageContaining("another action");
    }

    @Test
    void anEditedOutcomeOrExpiryBreaksTheSignature() throws Exception {
        String receipt = receipt("k1", governor.getPrivate(), claims(UUID.randomUUID(), "DENY", Receipts.fingerprint(ACTION), NOW.plusSeconds(60)));
        String[] parts = receipt.split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
        String allowed = parts[0] + "." + B64.encodeToString(payload.replace("\"DENY\"", "\"ALLOW\"").getBytes(StandardCharsets.UTF_8)) + "." + parts[2];
        String later = parts[0] + "." + B64.encodeToString(payload.replace("10:01:00Z", "23:59:00Z").getBytes(StandardCharsets.UTF_8)) + "." + parts[2];
        assertThatThrownBy(() -> Receipts.verify(allowed, ACTION, keys, NOW)).hasMessageContaining("signature");
        assertThatThrownBy(() -> Receipts.verify(later, ACTION, keys, NOW)).hasMessageContaining("signature");
        assertThatThrownBy(() -> new ReceiptGuard(keys).accept(receipt, ACTION, NOW)).hasMessageContaining("DENY");
    }

    @Test
    void anExpiredReceiptIsRefused() throws Exception {
        String receipt = receipt("k1", governor.getPrivate(), claims(UUID.randomUUID(), "ALLOW", Receipts.fingerprint(ACTION), NOW.plusSeconds(60)));
        assertThatThrownBy(() -> Receipts.verify(receipt, ACTION, keys, NOW.plusSeconds(60))).hasMessageContaining("expired");
    }

    @Test
    void aKeyRotatedOutOrAForgedKeyIsRefused() throws Exception {
        KeyPair old = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        String byOldKey = receipt("k0", old.getPrivate(), claims(UUID.randomUUID(), "ALLOW", Receipts.fingerprint(ACTION), NOW.plusSeconds(60)));
        assertThatThrownBy(() -> Receipts.verify(byOldKey, ACTION, keys, NOW)).hasMessageContaining("not among the keys");
        String forged = receipt("k1", old.getPrivate(), claims(UUID.randomUUID(), "ALLOW", Receipts.fingerprint(ACTION), NOW.plusSeconds(60)));
        assertThatThrownBy(() -> Receipts.verify(forged, ACTION, keys, NOW)).hasMessageContaining("signature");
    }

    @Test
    void aRefreshingGuardFetchesTheKeysOnRotationButNotForEveryMadeUpKey() throws Exception {
        KeyPair next = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        java.util.concurrent.atomic.AtomicInteger fetches = new java.util.concurrent.atomic.AtomicInteger();
        java.util.concurrent.atomic.AtomicReference<Map<String, PublicKey>> published = new java.util.concurrent.atomic.AtomicReference<>(keys);
        ReceiptGuard guard = ReceiptGuard.refreshing(() -> {
            fetches.incrementAndGet();
            return published.get();
        }, java.time.Duration.ofSeconds(30));

        guard.accept(receipt("k1", governor.getPrivate(), claims(UUID.randomUUID(), "ALLOW", Receipts.fingerprint(ACTION), NOW.plusSeconds(60))), ACTION, NOW);
        assertThat(fetches).hasValue(1);

        published.set(Receipts.keys(jwks("k2", next.getPublic())));
        String byNewKey = receipt("k2", next.getPrivate(), claims(UUID.randomUUID(), "ALLOW", Receipts.fingerprint(ACTION), NOW.plusSeconds(90)));
        assertThatThrownBy(() -> guard.accept(byNewKey, ACTION, NOW.plusSeconds(1))).hasMessageContaining("not among the keys");
        assertThat(fetches).as("within the interval a new key id fetches nothing").hasValue(1);
        guard.accept(byNewKey, ACTION, NOW.plusSeconds(31));
        assertThat(fetches).hasValue(2);

        for (int i = 0; i < 5; i++) {
            String madeUp = receipt("nobody-" + i, next.getPrivate(), claims(UUID.randomUUID(), "ALLOW", Receipts.fingerprint(ACTION), NOW.plusSeconds(90)));
            assertThatThrownBy(() -> guard.accept(madeUp, ACTION, NOW.plusSeconds(32))).hasMessageContaining("not among the keys");
        }
        assertThat(fetches).hasValue(2);
    }

    @Test
    void unreadableReceiptsRacingTheFirstKeyFetchAreRefusedNeverThrown() throws Exception {
        ReceiptGuard guard = ReceiptGuard.refreshing(() -> {
            try {
                Thread.sleep(100); // the others queue behind the first fetch
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return keys;
        }, java.time.Duration.ofSeconds(30));
        java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(6);
        try {
            java.util.List<java.util.concurrent.Future<Throwable>> results = new java.util.ArrayList<>();
            for (int i = 0; i < 6; i++) {
                results.add(pool.submit(() -> {
                    start.await();
                    try {
                        guard.accept(null, ACTION, NOW);
                        return null;
                    } catch (Throwable t) {
                        return t;
                    }
                }));
            }
            start.countDown();
            for (var r : results) assertThat(r.get()).isInstanceOf(Receipts.InvalidReceiptException.class);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void garbageIsRefusedNeverThrownAtTheCaller() {
        for (String junk : new String[]{null, "", "a.b", "a.b.c", "!!.??.**", "e30.e30.e30"}) {
            assertThatThrownBy(() -> Receipts.verify(junk, ACTION, keys, NOW)).isInstanceOf(Receipts.InvalidReceiptException.class);
        }
    }

    @Test
    void theCommandLineVerifierSaysValidOrRefusedWithItsExitCode(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        String receipt = receipt("k1", governor.getPrivate(), claims(UUID.randomUUID(), "ALLOW", Receipts.fingerprint(ACTION), NOW.plusSeconds(60)));
        java.nio.file.Path action = java.nio.file.Files.writeString(dir.resolve("action.json"), new ObjectMapper().writeValueAsString(ACTION));
        java.nio.file.Path other = java.nio.file.Files.writeString(dir.resolve("other.json"), "{\"type\":\"config.update\"}");
        java.nio.file.Path jwks = java.nio.file.Files.writeString(dir.resolve("keys.json"), jwks("k1", governor.getPublic()));
        var out = new java.io.ByteArrayOutputStream();
        var print = new java.io.PrintStream(out, true, StandardCharsets.UTF_8);
        assertThat(VerifyReceipt.run(new String[]{receipt, action.toString(), jwks.toString()}, print, NOW)).isZero();
        assertThat(VerifyReceipt.run(new String[]{receipt, other.toString(), jwks.toString()}, print, NOW)).isEqualTo(1);
        assertThat(VerifyReceipt.run(new String[]{receipt}, print, NOW)).isEqualTo(2);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("valid: decision", "refused: the receipt is for another action", "usage:");
    }
}
