package dev.governor.identity;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Optional;

@ApplicationScoped
class UserRepository implements PanacheRepositoryBase<UserEntity, String> {

    Optional<UserEntity> byTokenHash(String tokenHash) {
        return find("tokenHash = ?1 and disabledAt is null and deletedAt is null", tokenHash).firstResultOptional();
    }
}
