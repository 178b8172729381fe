package dev.governor.approval;

import dev.governor.policy.Outcome;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.OffsetDateTime;
import java.util.UUID;
import java.util.function.BooleanSupplier;

/**
 * The execution side of approvals: when an agent comes back with an approval (or a step of an
 * approved plan), says whether it may go ahead. Its verdicts are not policy-file rules; their
 * source is {@value #SOURCE}.
 */
@ApplicationScoped
public class ApprovalGate {

    public static final String SOURCE = "governor#approvals";

    private final ApprovalRepository repository;
    private final ApprovalService approvals;

    public ApprovalGate(ApprovalRepository repository, ApprovalService approvals) {
        this.repository = repository;
        this.approvals = approvals;
    }

    /**
     * One verdict about the approval the request named. {@code outcome} folds into the
     * decision's like any policy verdict; {@code used} says whether the approval lifted it.
     */
    public record Check(Outcome outcome, String code, String message, UUID approvalId, ApprovalStatus status,
                        OffsetDateTime expiresAt, boolean used) {
        public static Check mismatch(UUID approvalId, String message) {
            return new Check(Outcome.DENY, "APPROVAL_MISMATCH", message, approvalId, null, null, false);
        }
    }

    /**
     * An approval named by {@code POST /v1/decisions}: it must belong to this agent and this exact
     * action. {@code liftable} is whether the policy's own answer (ALLOW or REQUIRE_APPROVAL) may
     * be lifted; only then is an APPROVED approval consumed, atomically and once.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Check forDecision(UUID approvalId, String agentId, String actionHash, UUID decisionId, boolean liftable,
                             OffsetDateTime now) {
        ApprovalEntity a = repository.findById(approvalId);
        if (a == null) return Check.mismatch(approvalId, "no approval " + approvalId + " exists");
        if (a.planId != null) {
            return Check.mismatch(approvalId, "approval " + approvalId + " covers plan " + a.planId
                    + "; execute its steps with planId and stepIndex");
        }
        if (!a.agentId.equals(agentId)) {
            return Check.mismatch(approvalId, "approval " + approvalId + " was given to agent " + a.agentId);
        }
        if (!a.actionHash.equals(actionHash)) {
            return Check.mismatch(approvalId, "the action differs from the one approval " + approvalId
                    + " covers; an approval is bound to the exact action");
        }
        return check(a, liftable, () -> consume(a, agentId, decisionId, now), now);
    }

    /**
     * The approval covering a plan, for one of its steps: every step needs it APPROVED and
     * unexpired; executing the {@code lastStep} consumes it.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Check forPlan(UUID planId, String agentId, boolean lastStep, UUID decisionId, boolean liftable,
                         OffsetDateTime now) {
        ApprovalEntity a = repository.forPlan(planId);
        if (a == null) return Check.mismatch(null, "plan " + planId + " has no approval");
        BooleanSupplier use = lastStep ? () -> consume(a, agentId, decisionId, now)
                : () -> repository.update("status = status where id = ?1 and status = ?2 and expiresAt > ?3",
                a.id, ApprovalStatus.APPROVED, now) == 1;
        return check(a, liftable, use, now);
    }

    private Check check(ApprovalEntity a, boolean liftable, BooleanSupplier use, OffsetDateTime now) {
        boolean expired = !a.expiresAt.isAfter(now);
        switch (a.status) {
            case REJECTED:
                return deny(a, "APPROVAL_REJECTED", "rejected by " + a.decidedBy + " at " + a.decidedAt + comment(a));
            case CONSUMED:
                return deny(a, "APPROVAL_CONSUMED", "already used by decision " + a.consumedBy + " at "
                        + a.consumedAt + "; an approval is single use, ask again");
            case EXPIRED:
                return deny(a, "APPROVAL_EXPIRED", "expired at " + a.expiresAt + "; ask again");
            default:
                break;
        }
        if (expired) return deny(a, "APPROVAL_EXPIRED", "expired at " + a.expiresAt + "; ask again");
        if (a.status == ApprovalStatus.PENDING) {
            return new Check(Outcome.REQUIRE_APPROVAL, "APPROVAL_PENDING", "approval " + a.id
                    + " is still waiting for a human (until " + a.expiresAt + ")", a.id, a.status, a.expiresAt, false);
        }
        String approved = "approved by " + a.decidedBy + " at " + a.decidedAt + comment(a);
        if (!liftable) {
            return new Check(Outcome.ALLOW, "APPROVED", approved + ", but policy still refuses the action",
                    a.id, a.status, a.expiresAt, false);
        }
        if (use.getAsBoolean()) {
            repository.getEntityManager().refresh(a);
            return new Check(Outcome.ALLOW, "APPROVED", approved, a.id, a.status, a.expiresAt, true);
        }
        // Lost a race (another execution, or the expiry job): answer from the state that won.
        repository.getEntityManager().refresh(a);
        Check after = check(a, false, () -> false, now);
        return after.outcome() == Outcome.DENY ? after
                : deny(a, "APPROVAL_CONSUMED", "was used by a concurrent request; an approval is single use, ask again");
    }

    private boolean consume(ApprovalEntity a, String agentId, UUID decisionId, OffsetDateTime now) {
        if (repository.consume(a.id, decisionId, now) != 1) return false;
        repository.getEntityManager().refresh(a);
        approvals.record(a, ApprovalEventEntity.Type.CONSUMED, agentId, null, decisionId, now);
        return true;
    }

    private static Check deny(ApprovalEntity a, String code, String message) {
        return new Check(Outcome.DENY, code, "approval " + a.id + " " + message, a.id, a.status, a.expiresAt, false);
    }

    private static String comment(ApprovalEntity a) {
        return a.comment == null || a.comment.isBlank() ? "" : " (\"" + a.comment + "\")";
    }
}
