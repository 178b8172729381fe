package dev.governor.asset;

import dev.governor.policy.EnvironmentTier;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import org.hibernate.jpa.HibernateHints;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
class AssetRepository implements PanacheRepositoryBase<AssetEntity, UUID> {

    /**
     * The live assets whose pattern matches {@code target}, most specific (longest pattern) first,
     * at most {@code limit}. The pattern is the column, the target the parameter, so no text of
     * the request ever becomes a pattern.
     */
    List<AssetEntity> matching(String target, int limit) {
        return getEntityManager().createQuery("select a from AssetEntity a where a.liveTarget is not null "
                        + "and :target like a.likePattern escape '\\' "
                        + "order by length(a.target) desc, a.target", AssetEntity.class)
                .setParameter("target", target)
                .setHint(HibernateHints.HINT_READ_ONLY, true)
                .setMaxResults(limit)
                .getResultList();
    }

    Optional<AssetEntity> live(UUID id) {
        return find("id = ?1 and liveTarget is not null", id).singleResultOptional();
    }

    /** The live assets registered under any of {@code targets}. */
    List<AssetEntity> liveByTarget(Collection<String> targets) {
        if (targets.isEmpty()) return List.of();
        return list("liveTarget in ?1", targets);
    }

    List<AssetEntity> page(AssetFilter filter, int page, int size) {
        return find(filter.where(), Sort.by("target").and("id"), filter.parameters()).page(Page.of(page, size)).list();
    }

    long count(AssetFilter filter) {
        return count(filter.where(), filter.parameters());
    }

    /** Optional list filters; absent ones match everything. Deleted assets are never listed. */
    record AssetFilter(EnvironmentTier tier, String ownerTeam) {

        String where() {
            List<String> clauses = new ArrayList<>();
            clauses.add("liveTarget is not null");
            if (tier != null) clauses.add("tier = :tier");
            if (ownerTeam != null) clauses.add("ownerTeam = :ownerTeam");
            return String.join(" and ", clauses);
        }

        Map<String, Object> parameters() {
            Map<String, Object> parameters = new HashMap<>();
            if (tier != null) parameters.put("tier", tier);
            if (ownerTeam != null) parameters.put("ownerTeam", ownerTeam);
            return parameters;
        }
    }
}
