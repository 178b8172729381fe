package dev.governor.identity;

import dev.governor.audit.AuditEvent;
import dev.governor.audit.AuditKind;
import dev.governor.audit.AuditTrail;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Agent API keys. An agent has at most one live key: issuing a new one (rotation) revokes the
 * old one at once, with no overlap, so a leaked key is dead the moment it is rotated. Every key
 * ends ({@link CredentialLifetime}, from the policy); one presented at or after its end is
 * refused as expired. The agent package checks that the agent exists and asks the policy for
 * the lifetime before it asks for a key (agents and the policy port are not this package's).
 */
@ApplicationScoped
public class AgentKeys {

    private final AgentKeyRepository keys;
    private final AuditTrail audit;
    private final Clock clock;

    public AgentKeys(AgentKeyRepository keys, AuditTrail audit, Clock clock) {
        this.keys = keys;
        this.audit = audit;
        this.clock = clock;
    }

    /** A key as shown once, when it is issued. */
    public record Issued(String key, String prefix, Instant expiresAt, Instant warnFrom) {
    }

    /** A live key inside its warning time, whose owner is to be told. */
    public record KeyEnd(String agentId, String prefix, Instant expiresAt) {
    }

    /**
     * Claims the telling of up to {@code max} keys that have entered their warning time and whose
     * owner was not told yet: each key is claimed once, whichever run or instance gets there first.
     */
    @Transactional
    public java.util.List<KeyEnd> claimEndNotices(int max) {
        OffsetDateTime now = now();
        return keys.endingUntold(now, max).stream().filter(k -> keys.claimNotice(k.id, now) == 1)
                .map(k -> new KeyEnd(k.agentId, k.keyPrefix, k.expiresAt.toInstant())).toList();
    }

    /** The first key of a newly registered agent; its AGENT_CREATED audit record stands for it. */
    @Transactional
    public Issued first(String agentId, CredentialLifetime lifetime) {
        return issue(agentId, null, lifetime);
    }

    /** Revokes any live key of the agent and returns a new one: the only time the key is visible. */
    @Transactional
    public Issued rotate(String agentId, String actor, CredentialLifetime lifetime) {
        return issue(agentId, actor, lifetime);
    }

    private Issued issue(String agentId, String actor, CredentialLifetime lifetime) {
        OffsetDateTime now = now();
        keys.revokeLive(agentId, now);
        String key = Secrets.generate(Secrets.AGENT_KEY_PREFIX);
        AgentKeyEntity entity = new AgentKeyEntity();
        entity.id = UUID.randomUUID();
        entity.agentId = agentId;
        entity.keyHash = Secrets.hash(key);
        entity.keyPrefix = Secrets.displayPrefix(key);
        entity.createdAt = now;
        entity.expiresAt = now.plus(lifetime.lifetime());
        entity.warnFrom = earliest(now, entity.expiresAt.minus(lifetime.warnBefore()));
        entity.lifetimeSource = lifetime.source();
        keys.persist(entity);
        if (actor != null) {
            Map<String, Object> payload = new LinkedHashMap<>();
            payload.put("agentId", agentId);
            payload.put("keyPrefix", entity.keyPrefix);
            payload.put("expiresAt", entity.expiresAt.toInstant().toString());
            payload.put("lifetimeSource", lifetime.source());
            audit.append(new AuditEvent(AuditKind.AGENT_KEY_ISSUED, agentId, actor, payload));
        }
        return new Issued(key, entity.keyPrefix, entity.expiresAt.toInstant(), entity.warnFrom.toInstant());
    }

    /** Revokes every live key of the agent (and so its session tokens); it cannot authenticate until a key is issued. */
    @Transactional
    public int revoke(String agentId, String actor) {
        int revoked = keys.revokeLive(agentId, now());
        audit.append(new AuditEvent(AuditKind.AGENT_KEY_REVOKED, agentId, actor,
                Map.of("agentId", agentId, "revoked", revoked)));
        return revoked;
    }

    /**
     * The credential behind a live, unexpired key; empty for an unknown or revoked one.
     *
     * @throws io.quarkus.security.AuthenticationFailedException (caused by {@link CredentialExpired}) when the key's end has come (at the instant itself, too)
     */
    @Transactional
    AgentCredential credential(String key) {
        return keys.live(Secrets.hash(key)).map(k -> credential(k, null)).orElse(null);
    }

    /** The credential of a live key by its id, as a session token names it; null when revoked. */
    AgentKeyEntity liveById(UUID id) {
        AgentKeyEntity key = keys.findById(id);
        return key == null || key.revokedAt != null ? null : key;
    }

    AgentCredential credential(AgentKeyEntity key, AgentCredential.SessionScope session) {
        Instant expires = key.expiresAt == null ? null : key.expiresAt.toInstant();
        if (expires != null && !clock.instant().isBefore(expires)) {
            throw CredentialExpired.of((session == null ? "The agent key " : "The agent key behind session token "
                    + session.prefix() + "…, ") + key.keyPrefix + "…,", expires);
        }
        return new AgentCredential(key.agentId, key.id, key.keyPrefix, expires,
                key.warnFrom == null ? null : key.warnFrom.toInstant(), session);
    }

    OffsetDateTime now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS).atOffset(ZoneOffset.UTC);
    }

    static OffsetDateTime earliest(OffsetDateTime now, OffsetDateTime warnFrom) {
        return warnFrom.isBefore(now) ? now : warnFrom;
    }
}
