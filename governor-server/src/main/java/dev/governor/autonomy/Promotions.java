package dev.governor.autonomy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.governor.agent.Agent;
import dev.governor.agent.AgentLevelChanges;
import dev.governor.agent.AgentService;
import dev.governor.api.ApiException;
import dev.governor.api.PageRequest;
import dev.governor.api.Roles;
import dev.governor.audit.AuditEvent;
import dev.governor.audit.AuditKind;
import dev.governor.audit.AuditTrail;
import dev.governor.identity.Caller;
import dev.governor.policy.PromotionStep;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Promotions: asked for by the owner or an agent-admin, judged against the criteria, signed off
 * by a second person who is neither the requester nor the owner, and judged again at sign-off.
 * Only people promote; Governor itself only ever demotes ({@link DriftJob}).
 */
@ApplicationScoped
public class Promotions {

    private final PromotionRepository promotions;
    private final AgentService agents;
    private final AgentLevelChanges levelChanges;
    private final Evidence evidence;
    private final AuditTrail audit;
    private final Caller caller;
    private final Clock clock;
    private final ObjectMapper mapper;

    public Promotions(PromotionRepository promotions, AgentService agents, AgentLevelChanges levelChanges,
                      Evidence evidence, AuditTrail audit, Caller caller, Clock clock, ObjectMapper mapper) {
        this.levelChanges = levelChanges;
        this.promotions = promotions;
        this.agents = agents;
        this.evidence = evidence;
        this.audit = audit;
        this.caller = caller;
        this.clock = clock;
        this.mapper = mapper;
    }

    /** Records the request either way; a REFUSED one is answered 409 by the resource, after commit. */
    @Transactional
    public Promotion request(String agentId, PromotionRequest body) {
        agents.serialiseDecisions(agentId); // one request at a time per agent: the pending check holds
        Agent agent = agents.get(agentId);
        if (!agent.owner().equalsIgnoreCase(caller.name()) && !caller.hasRole(Roles.AGENT_ADMIN)) {
            throw Caller.forbidden("only the agent's owner (" + agent.owner() + ") or an agent-admin may ask for its promotion");
        }
        if (body.overrideReason() != null && !caller.hasRole(Roles.ADMIN)) {
            throw Caller.forbidden("only an admin may ask for a promotion past unmet criteria (overrideReason)");
        }
        PromotionStep.Change change = PromotionSteps.change(body);
        String from = PromotionSteps.from(agent, change);
        String to = PromotionSteps.to(agent, body);
        promotions.pending(agentId).ifPresent(p -> {
            throw ApiException.conflict("promotion " + p.id + " of agent '" + agentId + "' is already pending;"
                    + " approve or reject it first");
        });
        StepEvidence judged = evidence.judge(agent, change, to);
        PromotionEntity p = new PromotionEntity();
        p.id = UUID.randomUUID();
        p.agentId = agentId;
        p.change = change;
        p.fromValue = from;
        p.toValue = to;
        p.override = !judged.met() && body.overrideReason() != null;
        p.status = judged.met() || p.override ? Promotion.Status.PENDING : Promotion.Status.REFUSED;
        p.justification = body.justification().trim();
        p.overrideReason = body.overrideReason();
        p.requestedBy = caller.name();
        p.requestedAt = clock.instant().truncatedTo(ChronoUnit.MICROS);
        p.owner = agent.owner();
        p.evidenceJson = json(judged);
        p.policyVersion = judged.policyVersion();
        p.criteriaVersion = judged.criteriaVersion();
        promotions.persist(p);
        Promotion view = view(p);
        audit.append(new AuditEvent(AuditKind.PROMOTION_REQUESTED, agentId, caller.name(), view));
        return view;
    }

    @Transactional
    public Promotion approve(UUID id, String comment) {
        PromotionEntity p = pending(id);
        String approver = caller.name();
        Agent agent = agents.get(p.agentId);
        if (approver.equalsIgnoreCase(p.requestedBy) || approver.equalsIgnoreCase(p.owner)
                || approver.equalsIgnoreCase(agent.owner())) {
            throw Caller.forbidden("a promotion is signed off by a second person: neither " + p.requestedBy
                    + " (who asked) nor " + agent.owner() + " (the owner)");
        }
        StepEvidence now = evidence.judge(agent, p.change, p.toValue);
        if (!now.met() && !p.override) {
            throw unmet("the criteria are no longer met; the promotion stays pending", now, p.id);
        }
        levelChanges.promote(p.agentId, p.change, p.fromValue, p.toValue,
                new AgentLevelChanges.LevelChangeCause(approver, p.override, p.overrideReason, p.id));
        return decide(p, Promotion.Status.APPROVED, comment, AuditKind.PROMOTION_APPROVED, now);
    }

    @Transactional
    public Promotion reject(UUID id, String comment) {
        return decide(pending(id), Promotion.Status.REJECTED, comment, AuditKind.PROMOTION_REJECTED, null);
    }

    @Transactional
    public Promotion get(UUID id) {
        return view(promotions.findByIdOptional(id).orElseThrow(() -> ApiException.notFound("promotion", id)));
    }

    @Transactional
    public List<Promotion> list(Promotion.Status status, PageRequest page) {
        return promotions.page(status, page.page(), page.size()).stream().map(this::view).toList();
    }

    @Transactional
    public long count(Promotion.Status status) {
        return promotions.count(status);
    }

    /** 409 with the unmet criteria as extension members. */
    static ApiException unmet(String detail, StepEvidence judged, UUID promotionId) {
        List<Map<String, Object>> unmet = judged.unmet().stream().map(c -> Map.<String, Object>of(
                "criterion", c.criterion(), "required", c.required(),
                "actual", c.actual() == null ? "unknown" : c.actual(), "source", c.source(),
                "decisionIds", c.decisionIds())).toList();
        return ApiException.conflict(detail + ": " + judged.unmet().stream().map(CriterionResult::criterion).toList(),
                Map.of("unmetCriteria", unmet, "promotionId", promotionId.toString()));
    }

    private Promotion decide(PromotionEntity p, Promotion.Status status, String comment, AuditKind kind,
                             StepEvidence atSignOff) {
        p.status = status;
        p.decidedBy = caller.name();
        p.decidedAt = clock.instant().truncatedTo(ChronoUnit.MICROS);
        p.decisionComment = comment;
        promotions.flush();
        Promotion view = view(p);
        audit.append(new AuditEvent(kind, p.agentId, caller.name(), atSignOff == null ? view
                : Map.of("promotion", view, "evidenceAtSignOff", atSignOff)));
        return view;
    }

    /** Locked until the transaction ends, so two sign-offs of one promotion cannot both win. */
    private PromotionEntity pending(UUID id) {
        PromotionEntity p = promotions.findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE)
                .orElseThrow(() -> ApiException.notFound("promotion", id));
        if (p.status != Promotion.Status.PENDING) {
            throw ApiException.conflict("promotion " + id + " is " + p.status + ", not PENDING");
        }
        return p;
    }

    private Promotion view(PromotionEntity p) {
        try {
            StepEvidence evidence = mapper.readValue(p.evidenceJson, StepEvidence.class);
            return new Promotion(p.id, p.agentId, p.change, p.fromValue, p.toValue, p.status, evidence.criteria(),
                    p.justification, p.override, p.overrideReason, p.requestedBy, p.requestedAt, p.owner, evidence,
                    p.policyVersion, p.criteriaVersion, p.decidedBy, p.decidedAt, p.decisionComment);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored evidence of promotion " + p.id + " is unreadable", e);
        }
    }

    private String json(StepEvidence judged) {
        try {
            return mapper.writeValueAsString(judged);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise evidence", e);
        }
    }
}
