package dev.governor.identity;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/**
 * What an agent authenticated with: its key, or a session token exchanged for it.
 *
 * @param expiresAt null for a key issued before keys had an end
 * @param warnFrom  from then on, answers announce the end; null when {@code expiresAt} is
 * @param session   the session token's scope, or null when the key itself was presented
 */
public record AgentCredential(String agentId, UUID keyId, String prefix, Instant expiresAt, Instant warnFrom,
                              SessionScope session) {

    /** A session token: one session, a subset of the agent's grants, a short life. */
    public record SessionScope(UUID tokenId, String prefix, String sessionId, Set<String> permissions, Instant expiresAt) {
        public SessionScope {
            permissions = Set.copyOf(permissions);
        }
    }

    public String kind() {
        return session == null ? "agent key" : "session token";
    }
}
