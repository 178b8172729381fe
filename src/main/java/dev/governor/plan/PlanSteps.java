package dev.governor.plan;

import dev.governor.approval.ApprovalGate;
import dev.governor.approval.ApprovalGate.Check;
import dev.governor.policy.Outcome;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * The execution side of plans: {@code POST /v1/decisions} with {@code planId} and
 * {@code stepIndex}. A step may run only if it is the identical action of that step of a plan
 * that was allowed or approved, and only once.
 */
@ApplicationScoped
public class PlanSteps {

    private final EntityManager em;
    private final ApprovalGate gate;

    public PlanSteps(EntityManager em, ApprovalGate gate) {
        this.em = em;
        this.gate = gate;
    }

    /** {@code policyOutcome} is what the policy says about the step now; hard denies stand. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Check execute(UUID planId, int stepIndex, String agentId, String actionHash, UUID decisionId,
                         Outcome policyOutcome, OffsetDateTime now) {
        PlanEntity plan = em.find(PlanEntity.class, planId);
        if (plan == null) return Check.mismatch(null, "no plan " + planId + " exists");
        if (!plan.agentId.equals(agentId)) return Check.mismatch(null, "plan " + planId + " belongs to agent " + plan.agentId);
        PlanStepEntity step = em.find(PlanStepEntity.class, new PlanStepEntity.Key(planId, stepIndex));
        if (step == null) return Check.mismatch(null, "plan " + planId + " has no step " + stepIndex);
        if (!step.actionHash.equals(actionHash)) {
            return Check.mismatch(null, "the action differs from step " + stepIndex + " of plan " + planId);
        }
        if (step.executedBy != null) return alreadyExecuted(step);
        String what = "step " + stepIndex + " of plan " + planId;
        boolean liftable = policyOutcome == Outcome.ALLOW || policyOutcome == Outcome.REQUIRE_APPROVAL;
        switch (Outcome.valueOf(plan.outcome)) {
            case ALLOW:
                if (policyOutcome == Outcome.ALLOW && !markExecuted(step, decisionId, now)) return alreadyExecuted(step);
                return new Check(Outcome.ALLOW, "PLAN_STEP", what + ", verified when the plan was allowed",
                        null, null, null, false);
            case REQUIRE_APPROVAL:
                long executed = em.createQuery("select count(s) from PlanStepEntity s where s.planId = ?1 and"
                        + " s.executedBy is not null", Long.class).setParameter(1, planId).getSingleResult();
                long total = em.createQuery("select count(s) from PlanStepEntity s where s.planId = ?1", Long.class)
                        .setParameter(1, planId).getSingleResult();
                Check check = gate.forPlan(planId, agentId, executed + 1 >= total, decisionId, liftable, now);
                if (check.used() && !markExecuted(step, decisionId, now)) return alreadyExecuted(step);
                return check;
            default:
                return Check.mismatch(null, "plan " + planId + " was not allowed (" + plan.outcome
                        + "); its steps cannot be executed");
        }
    }

    private boolean markExecuted(PlanStepEntity step, UUID decisionId, OffsetDateTime now) {
        int updated = em.createQuery("update PlanStepEntity set executedBy = ?1, executedAt = ?2"
                        + " where planId = ?3 and stepIndex = ?4 and executedBy is null")
                .setParameter(1, decisionId).setParameter(2, now).setParameter(3, step.planId)
                .setParameter(4, step.stepIndex).executeUpdate();
        if (updated == 0) em.refresh(step);
        return updated == 1;
    }

    private static Check alreadyExecuted(PlanStepEntity step) {
        return new Check(Outcome.DENY, "APPROVAL_CONSUMED", "step " + step.stepIndex + " of plan " + step.planId
                + " was already executed by decision " + step.executedBy + "; each step runs once", null, null, null, false);
    }
}
