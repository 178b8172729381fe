package dev.governor.decision;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.governor.api.ApiException;
import dev.governor.approval.ActionFingerprint;
import dev.governor.approval.ApprovalService;
import dev.governor.approval.ApprovalUses;
import dev.governor.budget.BudgetLedger;
import dev.governor.inputs.ObservedInputs;
import dev.governor.policy.Effect;
import dev.governor.policy.Evaluation;
import dev.governor.policy.EvaluationInput;
import dev.governor.policy.PolicyEngine;
import dev.governor.receipt.Receipts;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Answers one decide-action request: gathers the facts (with the approval or plan step the
 * request names), asks the policy engine once, applies the effects its answer asks for (consume
 * the approval, mark the plan step executed, open an approval, count against the budgets) and
 * stores the whole record before the answer leaves. What the answer is, is the policy's call.
 */
@ApplicationScoped
public class DecisionService {

    private final PolicyEngine engine;
    private final DecisionFacts facts;
    private final ApprovalService approvals;
    private final ApprovalUses approvalUses;
    private final PlanStepAuthority planSteps;
    private final BudgetLedger budgets;
    private final DecisionStore store;
    private final ObjectMapper mapper;
    private final Clock clock;
    private final Masked masked;
    private final ObservedInputs history;
    private final DecisionMetrics metrics;
    private final Receipts receipts;

    public DecisionService(PolicyEngine engine, DecisionFacts facts, ApprovalService approvals,
                           ApprovalUses approvalUses, PlanStepAuthority planSteps, BudgetLedger budgets,
                           DecisionStore store, ObjectMapper mapper, Clock clock, Masked masked,
                           ObservedInputs history, DecisionMetrics metrics, Receipts receipts) {
        this.metrics = metrics;
        this.receipts = receipts;
        this.masked = masked;
        this.history = history;
        this.engine = engine;
        this.facts = facts;
        this.approvals = approvals;
        this.approvalUses = approvalUses;
        this.planSteps = planSteps;
        this.budgets = budgets;
        this.store = store;
        this.mapper = mapper;
        this.clock = clock;
    }

    /** The record is committed when this returns, so no answer is ever unrecorded. */
    @Transactional
    public DecisionResponse decide(DecisionRequest request) {
        long started = System.nanoTime();
        requireOneAuthority(request);
        JsonBounds.expectedEffect(request.expectedEffect());
        // The clock is read after the agent's lock: a decision that waited for the lock must
        // count every mutation committed before it got it, so none is dated after its "now".
        facts.serialise(request.agentId());
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        OffsetDateTime decidedAt = now.atOffset(ZoneOffset.UTC);
        String actionHash = ActionFingerprint.of(mapper, request.action());
        EvaluationInput input = facts.gather(request, actionHash, now);
        long evaluating = System.nanoTime();
        Evaluation evaluation = engine.evaluate(input);
        metrics.evaluated(System.nanoTime() - evaluating);
        UUID decisionId = UUID.randomUUID();

        EvaluationInput.ApprovalFacts reliedOn = input.approval() != null ? input.approval()
                : input.planStep() != null ? input.planStep().approval() : null;
        boolean consumed = evaluation.has(Effect.CONSUME_APPROVAL) && reliedOn != null && reliedOn.exists();
        if (consumed) approvalUses.consume(reliedOn.id(), request.agentId(), decisionId, decidedAt);
        if (evaluation.has(Effect.MARK_STEP_EXECUTED) && input.planStep() != null) {
            planSteps.markExecuted(request.planId(), request.stepIndex(), decisionId, decidedAt);
        }

        DecisionResponse.ApprovalRef approval = null;
        ApprovalService.OpenedApproval opened = null;
        if (evaluation.has(Effect.OPEN_APPROVAL)) {
            opened = approvals.reserve(evaluation.approvalTtl(), decidedAt);
            approval = new DecisionResponse.ApprovalRef(opened.id(), opened.status().name(), opened.expiresAt());
        } else if (evaluation.approvalBound() && reliedOn != null && reliedOn.exists()) {
            approval = new DecisionResponse.ApprovalRef(reliedOn.id(),
                    consumed ? "CONSUMED" : reliedOn.status().name(), reliedOn.expiresAt().atOffset(ZoneOffset.UTC));
        }
        DecisionResponse response = new DecisionResponse(decisionId, evaluation.outcome(), evaluation.reversibility(),
                evaluation.blastRadius(), masked.reasons(request, evaluation.reasons()),
                approval, evaluation.policyVersion(), decidedAt, null);

        long latencyMicros = (System.nanoTime() - started) / 1_000;
        long auditSeq = store.save(request, input, response, evaluation, latencyMicros);
        history.record(decisionId, input, evaluation, decidedAt);
        // Recorded after the decision's own record, so the chain lock is taken no earlier than it was.
        if (evaluation.has(Effect.MARK_STEP_EXECUTED) && input.planStep() != null) {
            planSteps.recordExecuted(request.planId(), request.stepIndex(), decisionId);
        }
        if (opened != null) {
            approvals.open(opened, new ApprovalService.Subject(decisionId, null, request.agentId(), actionHash,
                    request, response.reasons(), evaluation.reversibility()), decidedAt);
        }
        if (evaluation.has(Effect.RECORD_BUDGET_USAGE)) {
            budgets.record(decisionId, request.agentId(), input.action(), evaluation.environment(), decidedAt);
        }
        metrics.decided(response, evaluation, request.agentId(), started);
        return response.withReceipt(receipts.issue(decisionId, request.agentId(), actionHash, response.outcome().name(),
                response.policyVersion(), now, auditSeq));
    }

    /** The stored record, with the state changes of the approvals it opened, used or named. */
    public Optional<DecisionRecord> find(UUID id) {
        return store.find(id).map(record -> {
            List<UUID> related = new ArrayList<>(approvals.openedBy(id));
            var named = record.request() == null ? null : record.request().path("approvalId");
            if (named != null && named.isTextual()) related.add(UUID.fromString(named.asText()));
            return record.withApprovalEvents(approvals.events(related));
        });
    }

    private static void requireOneAuthority(DecisionRequest request) {
        if (request.approvalId() != null && request.planId() != null) {
            throw ApiException.invalid("approvalId", "name either an approval or a plan step, not both");
        }
        if (request.planId() != null && request.stepIndex() == null) {
            throw ApiException.invalid("stepIndex", "is required with planId");
        }
        if (request.planId() == null && request.stepIndex() != null) {
            throw ApiException.invalid("planId", "is required with stepIndex");
        }
    }
}
