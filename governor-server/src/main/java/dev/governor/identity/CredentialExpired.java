package dev.governor.identity;

import io.quarkus.security.AuthenticationFailedException;

import java.time.Instant;

/**
 * A credential Governor issued, presented at or after its end: 401 with its own problem type.
 * Carried as the cause of the authentication failure (which is final), for the mechanism to find.
 */
final class CredentialExpired extends RuntimeException {

    final Instant expiredAt;

    /** @param what names the credential by its display prefix, never in full */
    private CredentialExpired(String what, Instant expiredAt) {
        super(what + " expired at " + expiredAt, null, false, false);
        this.expiredAt = expiredAt;
    }

    static AuthenticationFailedException of(String what, Instant expiredAt) {
        CredentialExpired expired = new CredentialExpired(what, expiredAt);
        return new AuthenticationFailedException(expired.getMessage(), expired);
    }
}
