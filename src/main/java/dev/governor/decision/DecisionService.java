package dev.governor.decision;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.governor.api.ApiException;
import dev.governor.approval.ActionFingerprint;
import dev.governor.approval.ApprovalGate;
import dev.governor.approval.ApprovalService;
import dev.governor.budget.BudgetLedger;
import dev.governor.plan.PlanSteps;
import dev.governor.policy.Evaluation;
import dev.governor.policy.EvaluationInput;
import dev.governor.policy.Outcome;
import dev.governor.policy.PolicyEngine;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Answers one decide-action request: gathers the facts, asks the policy engine, checks the
 * approval or plan step the agent names, opens an approval when one is needed, counts an
 * allowed mutation against the agent's budgets, and stores the whole record before the
 * answer leaves.
 */
@ApplicationScoped
public class DecisionService {

    private final PolicyEngine engine;
    private final DecisionFacts facts;
    private final ApprovalService approvals;
    private final ApprovalGate gate;
    private final PlanSteps planSteps;
    private final BudgetLedger budgets;
    private final DecisionStore store;
    private final ObjectMapper mapper;
    private final Clock clock;

    public DecisionService(PolicyEngine engine, DecisionFacts facts, ApprovalService approvals, ApprovalGate gate,
                           PlanSteps planSteps, BudgetLedger budgets, DecisionStore store, ObjectMapper mapper,
                           Clock clock) {
        this.engine = engine;
        this.facts = facts;
        this.approvals = approvals;
        this.gate = gate;
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
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        OffsetDateTime decidedAt = now.atOffset(ZoneOffset.UTC);
        EvaluationInput input = facts.gather(request.agentId(), request.action(), request.inputs(), now);
        Evaluation evaluation = engine.evaluate(input);

        UUID decisionId = UUID.randomUUID();
        String actionHash = ActionFingerprint.of(mapper, request.action());
        ApprovalGate.Check check = check(request, actionHash, decisionId, evaluation.outcome(), decidedAt);
        Outcome outcome = check == null ? evaluation.outcome()
                : check.used() ? Outcome.ALLOW : Outcome.mostRestrictive(evaluation.outcome(), check.outcome());

        DecisionResponse.ApprovalRef approval = null;
        ApprovalService.OpenedApproval opened = null;
        if (check != null && check.status() != null) {
            approval = new DecisionResponse.ApprovalRef(check.approvalId(), check.status().name(), check.expiresAt());
        } else if (outcome == Outcome.REQUIRE_APPROVAL) {
            opened = approvals.reserve(evaluation.approvalTtl(), decidedAt);
            approval = new DecisionResponse.ApprovalRef(opened.id(), opened.status().name(), opened.expiresAt());
        }
        DecisionResponse response = new DecisionResponse(decisionId, outcome, evaluation.reversibility(),
                evaluation.blastRadius(), reasons(outcome, evaluation, check), approval,
                evaluation.policyVersion(), decidedAt);

        long latencyMicros = (System.nanoTime() - started) / 1_000;
        store.save(request, input, response, evaluation, latencyMicros);
        if (opened != null) {
            approvals.open(opened, new ApprovalService.Subject(decisionId, null, request.agentId(), actionHash,
                    request, response.reasons()), decidedAt);
        }
        if (outcome == Outcome.ALLOW && input.action().isMutating()) {
            budgets.record(decisionId, request.agentId(), input.action(), decidedAt);
        }
        return response;
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

    private ApprovalGate.Check check(DecisionRequest request, String actionHash, UUID decisionId, Outcome policy,
                                     OffsetDateTime now) {
        boolean liftable = policy == Outcome.ALLOW || policy == Outcome.REQUIRE_APPROVAL;
        if (request.approvalId() != null) {
            return gate.forDecision(request.approvalId(), request.agentId(), actionHash, decisionId, liftable, now);
        }
        if (request.planId() != null) {
            return planSteps.execute(request.planId(), request.stepIndex(), request.agentId(), actionHash, decisionId,
                    policy, now);
        }
        return null;
    }

    /**
     * When an approval lifted the policy's REQUIRE_APPROVAL, the answer is ALLOW / APPROVED and
     * names what was lifted; otherwise the approval's verdict folds in like any policy verdict.
     */
    private static List<DecisionResponse.Reason> reasons(Outcome outcome, Evaluation evaluation,
                                                         ApprovalGate.Check check) {
        List<DecisionResponse.Reason> all = new ArrayList<>(
                evaluation.reasons().stream().map(DecisionResponse.Reason::of).toList());
        if (check != null) {
            String message = check.message();
            if (check.used()) {
                List<String> lifted = all.stream().filter(r -> r.outcome() == Outcome.REQUIRE_APPROVAL)
                        .map(DecisionResponse.Reason::code).distinct().toList();
                message += lifted.isEmpty() ? "" : "; lifts " + String.join(", ", lifted);
                all.clear();
            }
            all.add(new DecisionResponse.Reason(check.code(), check.outcome(), message, ApprovalGate.SOURCE));
        }
        return all.stream()
                .filter(r -> outcome == Outcome.ALLOW ? r.outcome() == Outcome.ALLOW : r.outcome() != Outcome.ALLOW)
                .sorted(Comparator.comparing(DecisionResponse.Reason::outcome).reversed())
                .toList();
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
