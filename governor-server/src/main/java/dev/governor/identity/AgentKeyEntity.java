package dev.governor.identity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;
import java.util.UUID;

@Entity
@Table(name = "agent_keys")
class AgentKeyEntity {
    @Id
    UUID id;
    @Column(name = "agent_id")
    String agentId;
    @Column(name = "key_hash")
    String keyHash;
    @Column(name = "key_prefix")
    String keyPrefix;
    @Column(name = "created_at")
    OffsetDateTime createdAt;
    @Column(name = "revoked_at")
    OffsetDateTime revokedAt;
    /** Null only for keys issued before keys had an end. */
    @Column(name = "expires_at")
    OffsetDateTime expiresAt;
    @Column(name = "warn_from")
    OffsetDateTime warnFrom;
    @Column(name = "owner_notified_at")
    OffsetDateTime ownerNotifiedAt;
    @Column(name = "lifetime_source")
    String lifetimeSource;
}
