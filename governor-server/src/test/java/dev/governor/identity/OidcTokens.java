package dev.governor.identity;

import io.smallrye.jwt.build.Jwt;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Instant;
import java.util.Base64;
import java.util.Set;

/** Tokens as an identity provider would issue them, signed with the test key the %test profile trusts. */
final class OidcTokens {

    static final String ISSUER = "https://idp.governor.test";

    private OidcTokens() {
    }

    static String valid(String user, Set<String> groups) {
        return Jwt.issuer(ISSUER).upn(user).subject(user).groups(groups)
                .expiresAt(Instant.now().plusSeconds(300)).sign(key());
    }

    static String expired(String user, Set<String> groups) {
        return Jwt.issuer(ISSUER).upn(user).subject(user).groups(groups)
                .issuedAt(Instant.now().minusSeconds(7200)).expiresAt(Instant.now().minusSeconds(3600)).sign(key());
    }

    private static PrivateKey key() {
        try (InputStream in = OidcTokens.class.getResourceAsStream("/oidc-test-key.pem")) {
            String pem = new String(in.readAllBytes(), StandardCharsets.US_ASCII)
                    .replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(pem)));
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("test signing key", e);
        }
    }
}
