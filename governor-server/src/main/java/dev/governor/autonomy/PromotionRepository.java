package dev.governor.autonomy;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
class PromotionRepository implements PanacheRepositoryBase<PromotionEntity, UUID> {

    Optional<PromotionEntity> pending(String agentId) {
        return find("agentId = ?1 and status = ?2", agentId, Promotion.Status.PENDING).firstResultOptional();
    }

    List<PromotionEntity> page(Promotion.Status status, int page, int size) {
        Sort sort = Sort.by("requestedAt").and("id");
        return (status == null ? findAll(sort) : find("status", sort, status)).page(page, size).list();
    }

    long count(Promotion.Status status) {
        return status == null ? count() : count("status", status);
    }
}
