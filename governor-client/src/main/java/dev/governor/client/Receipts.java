package dev.governor.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.EdECPoint;
import java.security.spec.EdECPublicKeySpec;
import java.security.spec.NamedParameterSpec;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Checks a decision receipt offline, where the action is executed: the EdDSA signature by one of
 * Governor's published keys ({@code GET /v1/keys}), the expiry, and that the receipt is for this
 * exact action. Only the JDK and Jackson; the format is in the README ("Decision receipts").
 *
 * <pre>{@code
 * Map<String, PublicKey> keys = Receipts.keys(jwksJson);        // fetched once, refreshed on rotation
 * Receipts.Claims ok = Receipts.verify(decision.receipt(), action, keys);
 * if (ok.outcome().equals("ALLOW") && seen.add(ok.decisionId())) execute(action);
 * }</pre>
 */
public final class Receipts {

    private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();
    private static final JsonNodeFactory EXACT = JsonNodeFactory.withExactBigDecimals(true);
    private static final Base64.Decoder B64 = Base64.getUrlDecoder();

    private Receipts() {
    }

    /** What a receipt asserts (its signed payload). */
    public record Claims(int v, UUID decisionId, String agentId, String actionHash, String outcome,
                         String policyVersion, Instant issuedAt, Instant expiresAt, long auditSeq) {
    }

    /** Why a receipt was refused; the action must then not run on its strength. */
    public static final class InvalidReceiptException extends Exception {
        public InvalidReceiptException(String message) {
            super(message);
        }
    }

    /** The keys of a JSON Web Key Set as {@code GET /v1/keys} publishes it, by key id. */
    public static Map<String, PublicKey> keys(String jwks) throws IOException {
        return keys(JSON.readTree(jwks));
    }

    static Map<String, PublicKey> keys(JsonNode jwks) throws IOException {
        Map<String, PublicKey> keys = new HashMap<>();
        for (JsonNode k : jwks.path("keys")) {
            if (!"OKP".equals(k.path("kty").asText()) || !"Ed25519".equals(k.path("crv").asText())) continue;
            try {
                keys.put(k.path("kid").asText(), ed25519(B64.decode(k.path("x").asText())));
            } catch (GeneralSecurityException | IllegalArgumentException e) {
                throw new IOException("key " + k.path("kid").asText() + " is not an Ed25519 public key", e);
            }
        }
        return keys;
    }

    /** The id of the key a receipt names in its header, or null when it is not a readable JWS. */
    public static String keyId(String receipt) {
        String[] parts = receipt == null ? new String[0] : receipt.split("\\.", -1);
        if (parts.length != 3) return null;
        try {
            JsonNode kid = json(parts[0], "header").path("kid");
            return kid.isTextual() ? kid.asText() : null;
        } catch (InvalidReceiptException e) {
            return null;
        }
    }

    public static Claims verify(String receipt, Object action, Map<String, PublicKey> keys) throws InvalidReceiptException {
        return verify(receipt, action, keys, Instant.now());
    }

    /**
     * @param action the action about to run, as sent to Governor (a record, a map or a JSON tree)
     * @return the claims of a receipt that is genuine, unexpired at {@code now} and for this action;
     *         the caller still checks the outcome and that the decision was not acted on before
     */
    public static Claims verify(String receipt, Object action, Map<String, PublicKey> keys, Instant now)
            throws InvalidReceiptException {
        String[] parts = receipt == null ? new String[0] : receipt.split("\\.", -1);
        if (parts.length != 3) throw new InvalidReceiptException("not a compact JWS (three parts separated by '.')");
        JsonNode header = json(parts[0], "header");
        if (!"EdDSA".equals(header.path("alg").asText())) throw new InvalidReceiptException("alg is not EdDSA");
        PublicKey key = keys.get(header.path("kid").asText());
        if (key == null) throw new InvalidReceiptException("signed by key " + header.path("kid").asText()
                + ", which is not among the keys given (rotated out, or not Governor's)");
        try {
            Signature s = Signature.getInstance("Ed25519");
            s.initVerify(key);
            s.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
            if (!s.verify(B64.decode(parts[2]))) throw new InvalidReceiptException("the signature does not match");
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new InvalidReceiptException("the signature cannot be checked: " + e.getMessage());
        }
        Claims claims;
        try {
            claims = JSON.treeToValue(json(parts[1], "payload"), Claims.class);
        } catch (IOException e) {
            throw new InvalidReceiptException("the payload is not a receipt: " + e.getMessage());
        }
        if (claims.v() != 1) throw new InvalidReceiptException("receipt format " + claims.v() + " is not known");
        if (!now.isBefore(claims.expiresAt())) throw new InvalidReceiptException("expired at " + claims.expiresAt());
        String hash = fingerprint(action);
        if (!hash.equals(claims.actionHash())) {
            throw new InvalidReceiptException("the receipt is for another action (" + claims.actionHash() + ", not " + hash + ")");
        }
        return claims;
    }

    /**
     * The action's fingerprint, as Governor computes it: SHA-256 of the action as JSON with object
     * keys sorted, null members dropped and numbers as {@code BigDecimal.stripTrailingZeros()}.
     */
    public static String fingerprint(Object action) {
        try {
            byte[] bytes = JSON.writeValueAsBytes(canonical(JSON.valueToTree(action)));
            return "sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("cannot fingerprint the action", e);
        }
    }

    private static JsonNode canonical(JsonNode node) {
        if (node.isObject()) {
            Map<String, JsonNode> sorted = new TreeMap<>();
            node.fields().forEachRemaining(e -> {
                if (!e.getValue().isNull()) sorted.put(e.getKey(), canonical(e.getValue()));
            });
            ObjectNode out = JsonNodeFactory.instance.objectNode();
            sorted.forEach(out::set);
            return out;
        }
        if (node.isArray()) {
            var out = JsonNodeFactory.instance.arrayNode();
            node.forEach(child -> out.add(canonical(child)));
            return out;
        }
        return node.isNumber() ? EXACT.numberNode(node.decimalValue().stripTrailingZeros()) : node;
    }

    private static JsonNode json(String part, String what) throws InvalidReceiptException {
        try {
            return JSON.readTree(B64.decode(part));
        } catch (IOException | IllegalArgumentException e) {
            throw new InvalidReceiptException("the " + what + " is not base64url JSON");
        }
    }

    /** RFC 8032's encoding: little-endian y, the top bit of the last byte the parity of x. */
    static PublicKey ed25519(byte[] raw) throws GeneralSecurityException {
        if (raw.length != 32) throw new GeneralSecurityException("an Ed25519 key has 32 bytes, not " + raw.length);
        byte[] y = new byte[32];
        for (int i = 0; i < 32; i++) y[i] = raw[31 - i];
        boolean xOdd = (y[0] & 0x80) != 0;
        y[0] &= 0x7f;
        return KeyFactory.getInstance("Ed25519").generatePublic(
                new EdECPublicKeySpec(NamedParameterSpec.ED25519, new EdECPoint(xOdd, new BigInteger(1, y))));
    }
}
