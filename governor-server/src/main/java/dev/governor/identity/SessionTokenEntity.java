package dev.governor.identity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;
import java.util.UUID;

@Entity
@Table(name = "agent_session_tokens")
class SessionTokenEntity {
    @Id
    UUID id;
    @Column(name = "key_id")
    UUID keyId;
    @Column(name = "agent_id")
    String agentId;
    @Column(name = "token_hash")
    String tokenHash;
    @Column(name = "token_prefix")
    String tokenPrefix;
    @Column(name = "session_id")
    String sessionId;
    /** Space-separated: grants never contain a space (AgentRules.PERMISSION). */
    String permissions;
    @Column(name = "created_at")
    OffsetDateTime createdAt;
    @Column(name = "expires_at")
    OffsetDateTime expiresAt;
    @Column(name = "warn_from")
    OffsetDateTime warnFrom;
}
