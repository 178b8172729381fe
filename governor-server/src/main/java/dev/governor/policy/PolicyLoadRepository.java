package dev.governor.policy;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.UUID;

@ApplicationScoped
class PolicyLoadRepository implements PanacheRepositoryBase<PolicyLoadEntity, UUID> {
}
