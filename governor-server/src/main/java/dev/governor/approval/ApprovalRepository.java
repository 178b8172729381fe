package dev.governor.approval;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * Every state change is one conditional UPDATE that names the state it leaves: of several racing
 * changes (two approvers, approve and reject, approve and expiry, two executions) the database
 * lets exactly one match; the others update nothing and report a conflict.
 */
@ApplicationScoped
public class ApprovalRepository implements PanacheRepositoryBase<ApprovalEntity, UUID> {

    /** A human's decision on a PENDING approval that has not yet expired. */
    int decide(UUID id, ApprovalStatus to, String approver, String comment, OffsetDateTime now) {
        return update("status = :to, decidedAt = :now, decidedBy = :approver, comment = :comment, version = version + 1"
                        + " where id = :id and status = :pending and expiresAt > :now",
                Parameters.with("to", to).and("now", now).and("approver", approver).and("comment", comment)
                        .and("id", id).and("pending", ApprovalStatus.PENDING));
    }

    /** Single use: only an APPROVED, unexpired approval can be consumed, and only once. */
    int consume(UUID id, UUID decisionId, OffsetDateTime now) {
        return update("status = :consumed, consumedAt = :now, consumedBy = :decision, version = version + 1"
                        + " where id = :id and status = :approved and expiresAt > :now",
                Parameters.with("consumed", ApprovalStatus.CONSUMED).and("now", now).and("decision", decisionId)
                        .and("id", id).and("approved", ApprovalStatus.APPROVED));
    }

    /** PENDING, or APPROVED but never used, past its time. */
    int expire(UUID id, OffsetDateTime now) {
        return update("status = :expired, version = version + 1"
                        + " where id = :id and status in (:open) and expiresAt <= :now",
                Parameters.with("expired", ApprovalStatus.EXPIRED).and("id", id).and("now", now)
                        .and("open", List.of(ApprovalStatus.PENDING, ApprovalStatus.APPROVED)));
    }

    List<UUID> dueForExpiry(OffsetDateTime now, int limit) {
        return find("status in (?1) and expiresAt <= ?2", Sort.by("expiresAt"),
                List.of(ApprovalStatus.PENDING, ApprovalStatus.APPROVED), now)
                .page(Page.ofSize(limit)).list().stream().map(a -> a.id).toList();
    }

    List<ApprovalEntity> page(ApprovalStatus status, int page, int size) {
        var sort = Sort.by("createdAt", Sort.Direction.Descending).and("id");
        var query = status == null ? findAll(sort) : find("status", sort, status);
        return query.page(Page.of(page, size)).list();
    }

    long count(ApprovalStatus status) {
        return status == null ? count() : count("status", status);
    }

    /** The row's version (bumped by every change), or null when no approval has this id: a long-poll's cheap re-read. */
    Long versionOf(UUID id) {
        return getEntityManager().createQuery("select a.version from ApprovalEntity a where a.id = :id", Long.class)
                .setParameter("id", id).getResultStream().findFirst().orElse(null);
    }

    /** PENDING approvals of this agent that have not yet expired: the ones still waiting for a human. */
    public long pendingOf(String agentId, OffsetDateTime now) {
        return count("agentId = ?1 and status = ?2 and expiresAt > ?3", agentId, ApprovalStatus.PENDING, now);
    }

    ApprovalEntity forPlan(UUID planId) {
        return find("planId", planId).firstResult();
    }
}
