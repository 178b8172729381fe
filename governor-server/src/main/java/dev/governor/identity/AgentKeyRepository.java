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

    /** Live keys inside their warning time whose owner has not been told yet, soonest end first. */
    java.util.List<AgentKeyEntity> endingUntold(OffsetDateTime now, int max) {
        return find("revokedAt is null and expiresAt is not null and warnFrom <= ?1 and ownerNotifiedAt is null "
                + "order by expiresAt, id", now).page(0, max).list();
    }

    /** Marks the owner told; 0 when another run (or instance) already did. */
    int claimNotice(UUID id, OffsetDateTime now) {
        return update("ownerNotifiedAt = ?1 where id = ?2 and ownerNotifiedAt is null", now, id);
    }

    int revokeLive(String agentId, OffsetDateTime now) {
        return update("revokedAt = ?1 where agentId = ?2 and revokedAt is null", now, agentId);
    }
}
