package dev.governor.decision;

import dev.governor.agent.AgentService;
import dev.governor.approval.ActionFingerprint;
import dev.governor.approval.ApprovalService;
import dev.governor.freeze.FreezeService;
import dev.governor.policy.Evaluation;
import dev.governor.policy.EvaluationInput;
import dev.governor.policy.Outcome;
import dev.governor.policy.PolicyEngine;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.UUID;

/**
 * Answers one decide-action request: gathers the facts, asks the policy engine, opens an
 * approval when one is needed, and stores the whole record before the answer leaves.
 */
@ApplicationScoped
public class DecisionService {

    private final PolicyEngine engine;
    private final AgentService agents;
    private final FreezeService freezes;
    private final ApprovalService approvals;
    private final DecisionStore store;
    private final ObjectMapper mapper;
    private final Clock clock;

    public DecisionService(PolicyEngine engine, AgentService agents, FreezeService freezes,
                           ApprovalService approvals, DecisionStore store, ObjectMapper mapper, Clock clock) {
        this.engine = engine;
        this.agents = agents;
        this.freezes = freezes;
        this.approvals = approvals;
        this.store = store;
        this.mapper = mapper;
        this.clock = clock;
    }

    /** The record is committed when this returns, so no answer is ever unrecorded. */
    @Transactional
    public DecisionResponse decide(DecisionRequest request) {
        long started = System.nanoTime();
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        OffsetDateTime decidedAt = now.atOffset(ZoneOffset.UTC);
        EvaluationInput facts = evaluationInput(request, now);
        Evaluation evaluation = engine.evaluate(facts);

        UUID decisionId = UUID.randomUUID();
        DecisionResponse.ApprovalRef approval = null;
        if (evaluation.outcome() == Outcome.REQUIRE_APPROVAL) {
            approval = new DecisionResponse.ApprovalRef(UUID.randomUUID(), "PENDING", approvals.expiresAt(decidedAt));
        }
        DecisionResponse response = new DecisionResponse(decisionId, evaluation.outcome(),
                evaluation.reversibility(), evaluation.blastRadius(),
                evaluation.reasons().stream()
                        .map(r -> new DecisionResponse.Reason(r.code(), r.outcome(), r.message(), r.source()))
                        .toList(),
                approval, evaluation.policyVersion(), decidedAt);

        long latencyMicros = (System.nanoTime() - started) / 1_000;
        store.save(request, facts, response, evaluation, latencyMicros);
        if (approval != null) {
            approvals.open(approval.id(), decisionId, request.agentId(),
                    ActionFingerprint.of(mapper, request.action()), decidedAt);
        }
        return response;
    }

    public Optional<DecisionRecord> find(UUID id) {
        return store.find(id);
    }

    private EvaluationInput evaluationInput(DecisionRequest request, Instant now) {
        DecisionRequest.Action action = request.action();
        DecisionRequest.Impact impact = action.impact();
        var actionFacts = new EvaluationInput.ActionFacts(action.type(), action.environment(), action.target(),
                impact == null || impact.records() == null ? 0 : impact.records(),
                impact == null || impact.users() == null ? 0 : impact.users(),
                impact == null || impact.monetaryValue() == null ? BigDecimal.ZERO : impact.monetaryValue(),
                action.rollbackPlan());
        var inputs = request.inputs().stream()
                .map(i -> new EvaluationInput.InputFacts(i.source(), i.metric(), i.value(), i.observedAt().toInstant()))
                .toList();
        return new EvaluationInput(request.agentId(), agents.facts(request.agentId()).orElse(null),
                actionFacts, inputs, freezes.activeAt(now, action.environment()), now);
    }
}
