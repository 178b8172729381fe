package dev.governor.plan;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.governor.api.ApiException;
import dev.governor.api.JsonText;
import dev.governor.approval.ActionFingerprint;
import dev.governor.audit.AuditKind;
import dev.governor.approval.ApprovalService;
import dev.governor.decision.DecisionFacts;
import dev.governor.decision.DecisionResponse;
import dev.governor.decision.Masked;
import dev.governor.policy.BlastRadius;
import dev.governor.policy.Evaluation;
import dev.governor.policy.Figures;
import dev.governor.policy.EvaluationInput;
import dev.governor.policy.Outcome;
import dev.governor.policy.PlanEvaluation;
import dev.governor.policy.PlanEvaluation.Cumulative;
import dev.governor.policy.PolicyEngine;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/** Verifies a whole plan before its first step runs, and stores it with its one approval. */
@ApplicationScoped
public class PlanService {

    private final PolicyEngine engine;
    private final DecisionFacts facts;
    private final ApprovalService approvals;
    private final EntityManager em;
    private final ObjectMapper mapper;
    private final Clock clock;
    private final Masked masked;
    private final PlanBindings bindings;

    public PlanService(PolicyEngine engine, DecisionFacts facts, ApprovalService approvals, EntityManager em,
                       ObjectMapper mapper, Clock clock, Masked masked, PlanBindings bindings) {
        this.masked = masked;
        this.bindings = bindings;
        this.engine = engine;
        this.facts = facts;
        this.approvals = approvals;
        this.em = em;
        this.mapper = mapper;
        this.clock = clock;
    }

    @Transactional
    public PlanResponse verify(PlanRequest request) {
        // Like a decision: the agent's lock first, then the clock and the counted reads (budgets,
        // pending approvals), so a plan racing the agent's decisions counts what they committed.
        facts.serialise(request.agentId());
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        OffsetDateTime createdAt = now.atOffset(ZoneOffset.UTC);
        List<EvaluationInput> inputs = request.steps().stream()
                .map(step -> facts.gather(request.agentId(), request.sessionId(), null, step.action(), step.inputs(), now))
                .toList();
        PlanEvaluation plan = engine.evaluatePlan(inputs);
        List<Evaluation> steps = plan.steps();

        UUID planId = UUID.randomUUID();
        String hash = ActionFingerprint.of(mapper, request.steps().stream().map(PlanRequest.Step::action).toList());
        ApprovalService.OpenedApproval approval = plan.outcome() == Outcome.REQUIRE_APPROVAL
                ? approvals.reserve(ttl(steps), createdAt) : null;
        List<PlanResponse.StepResult> results = new ArrayList<>();
        for (int i = 0; i < steps.size(); i++) {
            Evaluation e = steps.get(i);
            results.add(new PlanResponse.StepResult(i, e.outcome(), e.reversibility(), e.blastRadius(),
                    masked.reasons(request, e.reasons())));
        }
        PlanResponse response = new PlanResponse(planId, plan.outcome(), results, total(plan.cumulative()),
                masked.reasons(request, plan.reasons()),
                approval == null ? null : new DecisionResponse.ApprovalRef(approval.id(), approval.status().name(),
                        approval.expiresAt()),
                plan.policyVersion(), createdAt);
        store(request, response, hash, steps);
        if (approval != null) {
            approvals.open(approval, new ApprovalService.Subject(null, planId, request.agentId(), hash, request,
                    Map.of("plan", response.reasons(), "steps", response.steps()), null), createdAt);
        }
        return response;
    }

    /** The stored plan: request, answer, and which steps have been executed by which decision. */
    @Transactional
    public PlanRecord get(UUID id) {
        PlanEntity plan = em.find(PlanEntity.class, id);
        if (plan == null) throw ApiException.notFound("plan", id);
        List<PlanRecord.StepState> steps = em.createQuery(
                        "from PlanStepEntity where planId = ?1 order by stepIndex", PlanStepEntity.class)
                .setParameter(1, id).getResultList().stream()
                .map(s -> new PlanRecord.StepState(s.stepIndex, s.outcome, s.executedBy, s.executedAt)).toList();
        return new PlanRecord(plan.id, plan.agentId, plan.sessionId, JsonText.read(mapper, plan.requestJson),
                JsonText.read(mapper, plan.responseJson), steps);
    }

    private void store(PlanRequest request, PlanResponse response, String hash, List<Evaluation> steps) {
        PlanEntity plan = new PlanEntity();
        plan.id = response.planId();
        plan.agentId = request.agentId();
        plan.sessionId = request.sessionId();
        plan.outcome = response.outcome().name();
        plan.stepsHash = hash;
        plan.policyVersion = response.policyVersion();
        plan.requestJson = JsonText.write(mapper, masked.request(request));
        plan.responseJson = JsonText.write(mapper, response);
        plan.createdAt = response.createdAt();
        em.persist(plan);
        for (int i = 0; i < steps.size(); i++) {
            PlanStepEntity step = new PlanStepEntity();
            step.planId = plan.id;
            step.stepIndex = i;
            step.actionHash = ActionFingerprint.of(mapper, request.steps().get(i).action());
            step.outcome = steps.get(i).outcome().name();
            em.persist(step);
        }
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("planId", plan.id);
        payload.put("agentId", plan.agentId);
        payload.put("outcome", plan.outcome);
        payload.put("policyVersion", plan.policyVersion);
        payload.put("steps", steps.size());
        bindings.record(AuditKind.PLAN_VERIFIED, plan.id, plan.agentId, payload);
    }

    /** The shortest time to live any step's approval would have; null = the configured default. */
    private static Duration ttl(List<Evaluation> steps) {
        return steps.stream().map(Evaluation::approvalTtl).filter(Objects::nonNull)
                .min(Comparator.naturalOrder()).orElse(null);
    }

    private static PlanResponse.CumulativeImpact total(List<Cumulative> cumulative) {
        return new PlanResponse.CumulativeImpact(
                cumulative.stream().map(Cumulative::records).reduce(0L, Figures::add),
                cumulative.stream().map(Cumulative::users).reduce(0L, Figures::add),
                cumulative.stream().map(Cumulative::monetaryValue).reduce(BigDecimal.ZERO, Figures::add),
                cumulative.stream().map(Cumulative::blastRadius).max(Comparator.naturalOrder()).orElse(BlastRadius.LOW));
    }


}
