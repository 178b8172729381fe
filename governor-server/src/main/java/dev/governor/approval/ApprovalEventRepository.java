package dev.governor.approval;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Collection;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class ApprovalEventRepository implements PanacheRepositoryBase<ApprovalEventEntity, Long> {

    List<ApprovalEventEntity> of(Collection<UUID> approvalIds) {
        if (approvalIds.isEmpty()) return List.of();
        return list("approvalId in ?1", Sort.by("at").and("id"), approvalIds);
    }

    /** Events recorded by this decision, or about these approvals, oldest first. */
    List<ApprovalEventEntity> forDecision(UUID decisionId, Collection<UUID> approvalIds) {
        if (approvalIds.isEmpty()) return list("decisionId = ?1", Sort.by("at").and("id"), decisionId);
        return list("decisionId = ?1 or approvalId in ?2", Sort.by("at").and("id"), decisionId, approvalIds);
    }
}
