package dev.governor.approval;

import dev.governor.api.ApiException;
import dev.governor.policy.ApprovalState;
import dev.governor.policy.EvaluationInput.ApprovalFacts;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

/**
 * The execution side of approvals: an approval's state as a fact for the policy, and its
 * consumption when the answer asks for it. The row is locked (SELECT … FOR UPDATE) while the
 * decision is taken, so the state the policy saw is the state consumed, and racing executions,
 * approvers and the expiry job wait for the decision to commit. Deciding what the state means
 * is rules/approvals.drl's job, not this class's.
 */
@ApplicationScoped
public class ApprovalUses {

    private final ApprovalRepository repository;
    private final ApprovalService approvals;

    public ApprovalUses(ApprovalRepository repository, ApprovalService approvals) {
        this.repository = repository;
        this.approvals = approvals;
    }

    /** The approval a request names, locked until the decision commits; {@code exists} false if none has this id. */
    @Transactional(Transactional.TxType.MANDATORY)
    public ApprovalFacts lockNamed(UUID approvalId, String actionHash) {
        ApprovalEntity a = repository.findById(approvalId, LockModeType.PESSIMISTIC_WRITE);
        return a == null ? ApprovalFacts.unknown(approvalId) : facts(a, actionHash);
    }

    /** The approval covering a plan, locked until the decision commits; null when the plan has none. */
    @Transactional(Transactional.TxType.MANDATORY)
    public ApprovalFacts lockForPlan(UUID planId) {
        ApprovalEntity a = repository.find("planId", planId).withLock(LockModeType.PESSIMISTIC_WRITE).firstResult();
        return a == null ? null : facts(a, a.actionHash);
    }

    /**
     * Uses the approval up (single use), recording who used it for which decision. It is locked
     * and was APPROVED and unexpired when the policy looked; if it is not any more, nothing the
     * answer relied on holds, and the whole decision rolls back (409).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void consume(UUID approvalId, String agentId, UUID decisionId, OffsetDateTime now) {
        if (repository.consume(approvalId, decisionId, now) != 1) {
            throw ApiException.conflict("approval " + approvalId + " changed while the decision was taken; ask again");
        }
        ApprovalEntity a = repository.findById(approvalId);
        repository.getEntityManager().refresh(a);
        approvals.record(a, ApprovalEventEntity.Type.CONSUMED, agentId, null, decisionId, now);
    }

    /**
     * The agent's PENDING approvals that have not expired at {@code now}: a fact for the policy's
     * cap (rules/pending-approvals.drl). Read after the agent's lock, so racing decisions of one
     * agent each count the approvals the earlier ones opened.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public long pendingOf(String agentId, Instant now) {
        return repository.pendingOf(agentId, now.atOffset(ZoneOffset.UTC));
    }

    private static ApprovalFacts facts(ApprovalEntity a, String actionHash) {
        return new ApprovalFacts(a.id, true, a.planId, a.agentId, a.actionHash.equals(actionHash),
                ApprovalState.valueOf(a.status.name()), a.expiresAt.toInstant(), a.decidedBy,
                a.decidedAt == null ? null : a.decidedAt.toInstant(), a.comment, a.consumedBy,
                a.consumedAt == null ? null : a.consumedAt.toInstant());
    }
}
