package dev.governor.client;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;

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

    /** Claims in RFC 8785 order (members sorted), as Governor writes them. */
    private static String claims(UUID decision, String outcome, String actionHash, Instant expires) {
        return "{\"actionHash\":\"" + actionHash + "\",\"agentId\":\"bot-1\",\"auditSeq\":42,\"decisionId\":\"" + decision
                + "\",\"expiresAt\":\"" + expires + "\",\"issuedAt\":\"" + expires.minusSeconds(60) + "\",\"outcome\":\""
                + outcome + "\",\"policyVersion\":\"sha256:abc\",\"v\":1}";
    }

    private static String receipt(String kid, PrivateKey key, String claims) throws Exception {
        String input = B64.encodeToString(("{\"alg\":\"EdDSA\",\"kid\":\"" + kid + "\",\"typ\":\"governor-receipt+jws\"}")
                .getBytes(StandardCharsets.UTF_8)) + "." + B64.encodeToString(claims.getBytes(StandardCharsets.UTF_8));
        Signature s = Signature.getInstance("Ed25519");
        s.initSign(key);
        s.update(input.getBytes(StandardCharsets.US_ASCII));
        return input + "." + B64.encodeToString(s.sign());
    }

    /** The JWKS entry of a public key: the last 32 bytes of its X.509 encoding. */
    private static String jwks(String kid, PublicKey key) throws Exception {
        byte[] der = key.getEncoded();
        String x = B64.encodeToString(Arrays.copyOfRange(der, der.length - 32, der.length));
        return new ObjectMapper().writeValueAsString(Map.of("keys", java.util.List.of(
                Map.of("kty", "OKP", "crv", "Ed25519", "kid", kid, "x", x, "alg", "EdDSA", "use", "sig"))));
    }
}
