package dev.governor.plan;

import dev.governor.api.ApiException;
import dev.governor.audit.AuditKind;
import dev.governor.approval.ApprovalUses;
import dev.governor.decision.PlanStepAuthority;
import dev.governor.policy.EvaluationInput.PlanStepFacts;
import dev.governor.policy.Outcome;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * The execution side of plans: {@code POST /v1/decisions} with {@code planId} and
 * {@code stepIndex}. Reads the step, its plan and the plan's approval as facts for the policy
 * (rules/plans.drl decides what they mean), and marks the step executed when the answer asks.
 */
@ApplicationScoped
public class PlanSteps implements PlanStepAuthority {

    private final EntityManager em;
    private final ApprovalUses approvals;
    private final PlanBindings bindings;

    public PlanSteps(EntityManager em, ApprovalUses approvals, PlanBindings bindings) {
        this.em = em;
        this.approvals = approvals;
        this.bindings = bindings;
    }

    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public PlanStepFacts lockStep(UUID planId, int stepIndex, String actionHash) {
        PlanEntity plan = em.find(PlanEntity.class, planId);
        if (plan == null) return PlanStepFacts.unknownPlan(planId, stepIndex);
        // The plan's approval first, then the step: every execution of this plan locks in this order.
        var approval = approvals.lockForPlan(planId);
        PlanStepEntity step = em.find(PlanStepEntity.class, new PlanStepEntity.Key(planId, stepIndex),
                LockModeType.PESSIMISTIC_WRITE);
        Outcome outcome = Outcome.valueOf(plan.outcome);
        if (step == null) {
            return new PlanStepFacts(planId, stepIndex, true, plan.agentId, outcome, false, false, null, null, false,
                    approval);
        }
        long others = em.createQuery("select count(s) from PlanStepEntity s where s.planId = ?1 and s.stepIndex <> ?2"
                        + " and s.executedBy is null", Long.class)
                .setParameter(1, planId).setParameter(2, stepIndex).getSingleResult();
        return new PlanStepFacts(planId, stepIndex, true, plan.agentId, outcome, true,
                step.actionHash.equals(actionHash), step.executedBy,
                step.executedAt == null ? null : step.executedAt.toInstant(), others == 0, approval);
    }

    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public void markExecuted(UUID planId, int stepIndex, UUID decisionId, OffsetDateTime at) {
        int updated = em.createQuery("update PlanStepEntity set executedBy = ?1, executedAt = ?2"
                        + " where planId = ?3 and stepIndex = ?4 and executedBy is null")
                .setParameter(1, decisionId).setParameter(2, at).setParameter(3, planId)
                .setParameter(4, stepIndex).executeUpdate();
        if (updated != 1) {
            throw ApiException.conflict("step " + stepIndex + " of plan " + planId
                    + " changed while the decision was taken; ask again");
        }
    }

    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public void recordExecuted(UUID planId, int stepIndex, UUID decisionId) {
        // The bulk update bypassed the step locked earlier; the record must bind the row as it is now.
        PlanStepEntity step = em.find(PlanStepEntity.class, new PlanStepEntity.Key(planId, stepIndex));
        if (step != null) em.refresh(step);
        PlanEntity plan = em.find(PlanEntity.class, planId);
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("planId", planId);
        payload.put("stepIndex", stepIndex);
        payload.put("decisionId", decisionId);
        bindings.record(AuditKind.PLAN_STEP_EXECUTED, planId, plan.agentId, payload);
    }
}
