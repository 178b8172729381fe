package dev.governor.decision;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class OutcomeRepository implements PanacheRepositoryBase<OutcomeEntity, UUID> {

    List<OutcomeEntity> forDecision(UUID decisionId) {
        return list("decisionId", Sort.by("reportedAt").and("id"), decisionId);
    }
}
