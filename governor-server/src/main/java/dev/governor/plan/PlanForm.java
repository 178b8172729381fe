package dev.governor.plan;

import dev.governor.audit.ChainHash;

import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

/**
 * A plan in the one form its audit records bind: every column of its {@code plans} row and of
 * each {@code plan_steps} row, times as the chain writes them. A step's execution changes the
 * form, and is recorded: a plan outcome edited to ALLOW, or an executed step reset so it could
 * run again, must show.
 */
record PlanForm(UUID planId, String agentId, String sessionId, String outcome, String stepsHash,
                String policyVersion, String requestJson, String responseJson, String createdAt, List<Step> steps) {

    static final String KIND = "plan";

    record Step(int index, String actionHash, String outcome, UUID executedBy, String executedAt) {
    }

    static PlanForm of(PlanEntity p, List<PlanStepEntity> steps) {
        return new PlanForm(p.id, p.agentId, p.sessionId, p.outcome, p.stepsHash, p.policyVersion, p.requestJson,
                p.responseJson, at(p.createdAt), steps.stream().sorted(Comparator.comparingInt(s -> s.stepIndex))
                .map(s -> new Step(s.stepIndex, s.actionHash, s.outcome, s.executedBy, at(s.executedAt))).toList());
    }

    private static String at(OffsetDateTime time) {
        return time == null ? null : ChainHash.formatAt(time.toInstant());
    }
}
