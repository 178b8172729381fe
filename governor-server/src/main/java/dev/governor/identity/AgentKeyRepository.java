package dev.governor.identity;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
class AgentKeyRepository implements PanacheRepositoryBase<AgentKeyEntity, UUID> {

    Optional<AgentKeyEntity> live(String keyHash) {
        return find("keyHash = ?1 and revokedAt is null", keyHash).firstResultOptional();
    }

    int revokeLive(String agentId, OffsetDateTime now) {
        return update("revokedAt = ?1 where agentId = ?2 and revokedAt is null", now, agentId);
    }
}
