package dev.governor.identity;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Optional;

@ApplicationScoped
class UserRepository implements PanacheRepositoryBase<UserEntity, String> {

    Optional<UserEntity> byTokenHash(String tokenHash) {
        return find("tokenHash = ?1 and ending.disabledAt is null and ending.deletedAt is null", tokenHash).firstResultOptional();
    }
}
