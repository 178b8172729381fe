package dev.governor.client;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Receipts made the way the README says Governor makes them, for tests that stand in for
 * Governor (this module's, and the MCP gateway's through this module's test-jar).
 */
public final class TestReceipts {

    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

    private TestReceipts() {
    }

    /** Claims in RFC 8785 order (members sorted), as Governor writes them. */
    public static String claims(UUID decision, String outcome, String actionHash, Instant expires) {
        return "{\"actionHash\":\"" + actionHash + "\",\"agentId\":\"bot-1\",\"auditSeq\":42,\"decisionId\":\"" + decision
                + "\",\"expiresAt\":\"" + expires + "\",\"issuedAt\":\"" + expires.minusSeconds(60) + "\",\"outcome\":\""
                + outcome + "\",\"policyVersion\":\"sha256:abc\",\"v\":1}";
    }

    public static String receipt(String kid, PrivateKey key, String claims) throws GeneralSecurityException {
        String input = B64.encodeToString(("{\"alg\":\"EdDSA\",\"kid\":\"" + kid + "\",\"typ\":\"governor-receipt+jws\"}")
                .getBytes(StandardCharsets.UTF_8)) + "." + B64.encodeToString(claims.getBytes(StandardCharsets.UTF_8));
        Signature s = Signature.getInstance("Ed25519");
        s.initSign(key);
        s.update(input.getBytes(StandardCharsets.US_ASCII));
        return input + "." + B64.encodeToString(s.sign());
    }

    /** A JWKS of one public key: the last 32 bytes of its X.509 encoding. */
    public static String jwks(String kid, PublicKey key) throws JsonProcessingException {
        byte[] der = key.getEncoded();
        String x = B64.encodeToString(Arrays.copyOfRange(der, der.length - 32, der.length));
        return new ObjectMapper().writeValueAsString(Map.of("keys", List.of(
                Map.of("kty", "OKP", "crv", "Ed25519", "kid", kid, "x", x, "alg", "EdDSA", "use", "sig"))));
    }
}
