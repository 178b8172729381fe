package dev.governor.grant;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.UUID;

@ApplicationScoped
class GrantDecisionRepository implements PanacheRepositoryBase<GrantDecisionEntity, UUID> {
}
