package dev.governor.policy.engine.facts;

import dev.governor.policy.Grants;

import java.time.Instant;
import java.util.Set;
import java.util.TreeSet;

/**
 * The session token the request was made with (absent when the agent presented its key): the
 * session it was issued for, the grants it carries, and the session the request names.
 */
public record TokenFact(String token, String sessionId, Set<String> permissions, Instant expiresAt,
                        String requestSessionId) {

    public TokenFact {
        permissions = permissions == null ? Set.of() : Set.copyOf(permissions);
    }

    /** Grant {@code resource:verb} among the token's, where either part may be {@code *}. */
    public boolean grants(String resource, String verb) {
        return Grants.cover(permissions, resource, verb);
    }

    public String getToken() { return token; }
    public String getSessionId() { return sessionId; }
    public String getRequestSessionId() { return requestSessionId; }
    public Instant getExpiresAt() { return expiresAt; }
    /** Sorted, so messages read the same on every run. */
    public Set<String> getPermissions() { return new TreeSet<>(permissions); }
}
