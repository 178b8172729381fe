package dev.governor.freeze;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
class HaltRepository implements PanacheRepositoryBase<HaltEntity, Integer> {
}
