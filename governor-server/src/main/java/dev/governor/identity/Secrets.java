package dev.governor.identity;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Bearer secrets: 32 random bytes behind a type prefix ({@code gvk_} agent key, {@code gvs_}
 * session token, {@code gvu_} local user token). Only the SHA-256 hash is stored; a plain hash is enough because the secret
 * has 256 bits of entropy, so there is nothing to brute-force that a slow hash would protect.
 */
public final class Secrets {

    public static final String AGENT_KEY_PREFIX = "gvk_";
    public static final String USER_TOKEN_PREFIX = "gvu_";
    public static final String SESSION_TOKEN_PREFIX = "gvs_";

    private static final SecureRandom RANDOM = new SecureRandom();

    private Secrets() {
    }

    public static String generate(String prefix) {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return prefix + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    public static String hash(String secret) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }

    /** The first characters: enough to tell keys apart in a listing or a log, useless to an attacker. */
    public static String displayPrefix(String secret) {
        return secret.substring(0, Math.min(10, secret.length()));
    }

    public static boolean isGovernorSecret(String token) {
        return token.startsWith(AGENT_KEY_PREFIX) || token.startsWith(USER_TOKEN_PREFIX)
                || token.startsWith(SESSION_TOKEN_PREFIX);
    }
}
