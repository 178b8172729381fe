package dev.governor.identity;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
class SessionTokenRepository implements PanacheRepositoryBase<SessionTokenEntity, UUID> {

    Optional<SessionTokenEntity> byHash(String tokenHash) {
        return find("tokenHash", tokenHash).firstResultOptional();
    }
}
