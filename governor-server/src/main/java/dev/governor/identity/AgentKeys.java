package dev.governor.identity;

import dev.governor.audit.AuditEvent;
import dev.governor.audit.AuditKind;
import dev.governor.audit.AuditTrail;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Agent API keys. An agent has at most one live key: issuing a new one (rotation) revokes the
 * old one at once, with no overlap, so a leaked key is dead the moment it is rotated. The agent
 * package checks that the agent exists before it asks for a key (agents are its table).
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

    /** The first key of a newly registered agent; its AGENT_CREATED audit record stands for it. */
    @Transactional
    public String first(String agentId) {
        return issue(agentId, null);
    }

    /** Revokes any live key of the agent and returns a new one: the only time the key is visible. */
    @Transactional
    public String rotate(String agentId, String actor) {
        return issue(agentId, actor);
    }

    private String issue(String agentId, String actor) {
        OffsetDateTime now = now();
        keys.revokeLive(agentId, now);
        String key = Secrets.generate(Secrets.AGENT_KEY_PREFIX);
        AgentKeyEntity entity = new AgentKeyEntity();
        entity.id = UUID.randomUUID();
        entity.agentId = agentId;
        entity.keyHash = Secrets.hash(key);
        entity.keyPrefix = Secrets.displayPrefix(key);
        entity.createdAt = now;
        keys.persist(entity);
        if (actor != null) audit.append(new AuditEvent(AuditKind.AGENT_KEY_ISSUED, agentId, actor,
                Map.of("agentId", agentId, "keyPrefix", entity.keyPrefix)));
        return key;
    }

    /** Revokes every live key of the agent; the agent cannot authenticate until a key is issued. */
    @Transactional
    public int revoke(String agentId, String actor) {
        int revoked = keys.revokeLive(agentId, now());
        audit.append(new AuditEvent(AuditKind.AGENT_KEY_REVOKED, agentId, actor,
                Map.of("agentId", agentId, "revoked", revoked)));
        return revoked;
    }

    /** The agent a live key belongs to. */
    @Transactional
    public Optional<String> agentOf(String key) {
        return keys.live(Secrets.hash(key)).map(k -> k.agentId);
    }

    private OffsetDateTime now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS).atOffset(ZoneOffset.UTC);
    }
}
