package dev.governor.identity;

import dev.governor.audit.AuditEvent;
import dev.governor.audit.AuditKind;
import dev.governor.audit.AuditTrail;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/**
 * Session tokens ({@code gvs_…}): what an agent holding a long-lived key exchanges it for, to act
 * in one session with a subset of its grants for a short time. A token lives no longer than its
 * key and dies with it: revoking or rotating the key ends every token exchanged for it. Whether a
 * decision fits the token's session and grants is the policy's call (rules/permissions.drl); this
 * class only tells who presented what.
 */
@ApplicationScoped
public class SessionTokens {

    private final SessionTokenRepository tokens;
    private final AgentKeys keys;
    private final AuditTrail audit;

    public SessionTokens(SessionTokenRepository tokens, AgentKeys keys, AuditTrail audit) {
        this.tokens = tokens;
        this.keys = keys;
        this.audit = audit;
    }

    /** A token as shown once, when it is issued. */
    public record Issued(String token, String prefix, String agentId, String sessionId, List<String> permissions,
                         Instant expiresAt) {
    }

    /**
     * Issues a token for the key the caller presented. The agent package has checked that the
     * permissions are the agent's and the lifetime within the table's.
     */
    @Transactional
    public Issued issue(AgentCredential parent, String sessionId, Set<String> permissions, CredentialLifetime lifetime,
                        String actor) {
        OffsetDateTime now = keys.now();
        AgentKeyEntity key = keys.liveById(parent.keyId());
        if (key == null) throw Caller.forbidden("the agent key this request presented was revoked meanwhile");
        keys.credential(key, null); // an end reached meanwhile is refused like any expired key
        String token = Secrets.generate(Secrets.SESSION_TOKEN_PREFIX);
        SessionTokenEntity entity = new SessionTokenEntity();
        entity.id = UUID.randomUUID();
        entity.keyId = key.id;
        entity.agentId = key.agentId;
        entity.tokenHash = Secrets.hash(token);
        entity.tokenPrefix = Secrets.displayPrefix(token);
        entity.sessionId = sessionId;
        entity.permissions = String.join(" ", new TreeSet<>(permissions));
        entity.createdAt = now;
        OffsetDateTime end = now.plus(lifetime.lifetime());
        // never past its key: the key's end is every token's end
        entity.expiresAt = key.expiresAt != null && key.expiresAt.isBefore(end) ? key.expiresAt : end;
        entity.warnFrom = AgentKeys.earliest(now, entity.expiresAt.minus(lifetime.warnBefore()));
        tokens.persist(entity);
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("agentId", entity.agentId);
        payload.put("tokenPrefix", entity.tokenPrefix);
        payload.put("keyPrefix", key.keyPrefix);
        payload.put("sessionId", sessionId);
        payload.put("permissions", List.copyOf(new TreeSet<>(permissions)));
        payload.put("expiresAt", entity.expiresAt.toInstant().toString());
        payload.put("lifetimeSource", lifetime.source());
        audit.append(new AuditEvent(AuditKind.SESSION_TOKEN_ISSUED, entity.agentId, actor, payload));
        return new Issued(token, entity.tokenPrefix, entity.agentId, sessionId, List.copyOf(new TreeSet<>(permissions)),
                entity.expiresAt.toInstant());
    }

    /**
     * The credential behind a token whose key is still live; null for an unknown token or one
     * whose key was revoked or rotated.
     *
     * @throws io.quarkus.security.AuthenticationFailedException (caused by {@link CredentialExpired}) when the token's end or its key's has come
     */
    @Transactional
    AgentCredential credential(String token) {
        SessionTokenEntity t = tokens.byHash(Secrets.hash(token)).orElse(null);
        if (t == null) return null;
        AgentKeyEntity key = keys.liveById(t.keyId);
        if (key == null) return null;
        var scope = new AgentCredential.SessionScope(t.id, t.tokenPrefix, t.sessionId,
                Set.copyOf(Arrays.asList(t.permissions.split(" "))), t.expiresAt.toInstant());
        if (!keys.now().isBefore(t.expiresAt)) {
            throw CredentialExpired.of("The session token " + t.tokenPrefix + "…", t.expiresAt.toInstant());
        }
        AgentCredential parent = keys.credential(key, scope);
        return new AgentCredential(parent.agentId(), parent.keyId(), t.tokenPrefix, t.expiresAt.toInstant(),
                t.warnFrom.toInstant(), scope);
    }
}
