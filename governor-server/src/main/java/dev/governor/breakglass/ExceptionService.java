package dev.governor.breakglass;

import dev.governor.api.ApiException;
import dev.governor.api.PageRequest;
import dev.governor.api.Patterns;
import dev.governor.agent.AgentService;
import dev.governor.audit.AuditEvent;
import dev.governor.audit.AuditKind;
import dev.governor.audit.AuditTrail;
import dev.governor.identity.Caller;
import dev.governor.policy.EvaluationInput;
import dev.governor.policy.PolicyEngine;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

/**
 * Break-glass exceptions: asked for by one person, approved by two others (neither the requester
 * nor the agent's owner), in force from the second approval until their end or revocation. What
 * they lift is the policy's call (rules/exceptions.drl, decision-tables/exceptions.dmn); every
 * request, approval and revocation is in the audit chain, binding the row as it then stands.
 */
@ApplicationScoped
public class ExceptionService {

    private final ExceptionRepository exceptions;
    private final ExceptionBindings bindings;
    private final AgentService agents;
    private final PolicyEngine policy;
    private final AuditTrail audit;
    private final Caller caller;
    private final Clock clock;

    public ExceptionService(ExceptionRepository exceptions, ExceptionBindings bindings, AgentService agents,
                            PolicyEngine policy, AuditTrail audit, Caller caller, Clock clock) {
        this.exceptions = exceptions;
        this.bindings = bindings;
        this.agents = agents;
        this.policy = policy;
        this.audit = audit;
        this.caller = caller;
        this.clock = clock;
    }

    /** The exceptions in force for this agent at {@code now}, for the policy to weigh. */
    @Transactional
    public List<EvaluationInput.ExceptionFacts> inForce(String agentId, Instant now) {
        if (agentId == null) return List.of();
        return exceptions.activeFor(agentId, now).stream().map(e -> new EvaluationInput.ExceptionFacts(e.id, e.agentId,
                ExceptionEntity.split(e.actionTypes), ExceptionEntity.split(e.targets),
                ExceptionEntity.split(e.reasonCodes), e.endsAt, List.of(e.firstApprover, e.secondApprover))).toList();
    }

    @Transactional
    public BreakGlass request(ExceptionRequest request) {
        String agentId = request.agentId().strip();
        if (!agentId.matches(Patterns.AGENT_ID)) throw ApiException.invalid("agentId", Patterns.AGENT_ID_MESSAGE);
        if (agents.facts(agentId).isEmpty()) {
            throw ApiException.unprocessable("agentId", "no agent '" + agentId + "' is registered");
        }
        Instant now = now();
        ExceptionTerms terms = ExceptionTerms.of(request, policy, now);
        ExceptionEntity e = new ExceptionEntity();
        e.id = UUID.randomUUID();
        e.agentId = agentId;
        e.owner = agents.get(agentId).owner();
        e.actionTypes = ExceptionEntity.join(terms.actionTypes());
        e.targets = ExceptionEntity.join(terms.targets());
        e.reasonCodes = ExceptionEntity.join(terms.reasonCodes());
        e.justification = request.justification();
        e.status = ExceptionStatus.PENDING;
        e.requestedBy = caller.name();
        e.requestedAt = now;
        e.endsAt = terms.endsAt();
        exceptions.persist(e);
        return audited(AuditKind.EXCEPTION_REQUESTED, e, now);
    }

    /**
     * One person's sign-off. The row is locked, so racing approvals are taken one after the
     * other: the second distinct approver activates it exactly once, and the same person
     * approving again is refused (409) rather than counted twice.
     */
    @Transactional
    public BreakGlass approve(String id, String comment) {
        ExceptionEntity e = locked(id);
        Instant now = now();
        String approver = caller.name();
        if (approver.equalsIgnoreCase(e.requestedBy) || approver.equalsIgnoreCase(e.owner)) {
            throw Caller.forbidden("an exception is approved by two people who are neither " + e.requestedBy
                    + " (who asked) nor " + e.owner + " (the agent's owner)");
        }
        ExceptionStatus status = e.statusAt(now);
        if (status != ExceptionStatus.PENDING) throw ApiException.conflict("exception " + id + " is " + status + ", not PENDING");
        if (e.firstApprover == null) {
            e.firstApprover = approver;
            e.firstApprovedAt = now;
            e.firstComment = comment;
            return audited(AuditKind.EXCEPTION_APPROVED, e, now);
        }
        if (approver.equalsIgnoreCase(e.firstApprover)) {
            throw ApiException.conflict("exception " + id + " is already approved by " + e.firstApprover
                    + "; the second approval must come from another person");
        }
        e.secondApprover = approver;
        e.secondApprovedAt = now;
        e.secondComment = comment;
        e.status = ExceptionStatus.ACTIVE;
        return audited(AuditKind.EXCEPTION_ACTIVATED, e, now);
    }

    /** Ends it before its time; pending or active, it lifts nothing from now on. */
    @Transactional
    public BreakGlass revoke(String id, String reason) {
        ExceptionEntity e = locked(id);
        Instant now = now();
        ExceptionStatus status = e.statusAt(now);
        if (status != ExceptionStatus.PENDING && status != ExceptionStatus.ACTIVE) {
            throw ApiException.conflict("exception " + id + " is " + status + "; only a pending or active one is revoked");
        }
        e.status = ExceptionStatus.REVOKED;
        e.revokedBy = caller.name();
        e.revokedAt = now;
        e.revokeReason = reason;
        return audited(AuditKind.EXCEPTION_REVOKED, e, now);
    }

    @Transactional
    public BreakGlass get(String id) {
        ExceptionEntity e = exceptions.findById(uuid(id));
        if (e == null) throw ApiException.notFound("exception", id);
        return BreakGlass.of(e, now());
    }

    @Transactional
    public List<BreakGlass> list(boolean activeOnly, String agentId, PageRequest page) {
        Instant now = now();
        return exceptions.page(activeOnly, agentId, now, page.page(), page.size()).stream()
                .map(e -> BreakGlass.of(e, now)).toList();
    }

    /** How many are in force now (the compliance report's open exceptions). */
    @Transactional
    public long countInForce() {
        return exceptions.countActiveAt(now());
    }

    private ExceptionEntity locked(String id) {
        ExceptionEntity e = exceptions.findById(uuid(id), LockModeType.PESSIMISTIC_WRITE);
        if (e == null) throw ApiException.notFound("exception", id);
        return e;
    }

    private static UUID uuid(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw ApiException.notFound("exception", id);
        }
    }

    private BreakGlass audited(AuditKind kind, ExceptionEntity e, Instant now) {
        BreakGlass view = BreakGlass.of(e, now);
        audit.append(new AuditEvent(kind, e.id.toString(), caller.name(), view, List.of(bindings.of(e))));
        return view;
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
