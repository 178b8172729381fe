package dev.governor.grant;

import dev.governor.agent.AgentGrants;
import dev.governor.agent.AgentService;
import dev.governor.api.ApiException;
import dev.governor.api.PageRequest;
import dev.governor.api.Roles;
import dev.governor.audit.AuditEvent;
import dev.governor.audit.AuditKind;
import dev.governor.audit.AuditTrail;
import dev.governor.identity.Caller;
import dev.governor.policy.Grants;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Grant requests: the agent's owner (or an agent-admin) asks for one more grant; another
 * agent-admin, neither the owner nor the requester (four eyes), approves or rejects it once.
 */
@ApplicationScoped
public class GrantRequests {

    private final GrantRequestRepository requests;
    private final GrantDecisionRepository decisions;
    private final AgentGrants grants;
    private final AgentService agents;
    private final AuditTrail audit;
    private final Caller caller;
    private final Clock clock;

    GrantRequests(GrantRequestRepository requests, GrantDecisionRepository decisions, AgentGrants grants,
                  AgentService agents, AuditTrail audit, Caller caller, Clock clock) {
        this.requests = requests;
        this.decisions = decisions;
        this.grants = grants;
        this.agents = agents;
        this.audit = audit;
        this.caller = caller;
        this.clock = clock;
    }

    @Transactional
    public GrantRequestView open(String agentId, GrantRequestBody body) {
        String owner = grants.owner(agentId);
        String me = caller.name();
        if (!me.equalsIgnoreCase(owner) && !caller.hasRole(Roles.AGENT_ADMIN)) {
            throw Caller.forbidden("only agent " + agentId + "'s owner (" + owner + ") or an agent-admin may ask for its grants");
        }
        String[] parts = body.permission().split(":", 2);
        for (String held : agents.get(agentId).permissions()) {
            if (Grants.covers(held, parts[0], parts[1])) {
                throw ApiException.conflict("agent " + agentId + " already holds " + held + ", which covers " + body.permission());
            }
        }
        if (requests.pending(agentId, body.permission())) {
            throw ApiException.conflict("a request for " + body.permission() + " of agent " + agentId + " is already pending");
        }
        GrantRequestEntity r = new GrantRequestEntity();
        r.id = UUID.randomUUID();
        r.agentId = agentId;
        r.permission = body.permission();
        r.justification = body.justification().strip();
        r.decisionId = body.decisionId();
        r.requestedBy = me;
        r.requestedAt = now();
        requests.persistAndFlush(r);
        GrantRequestView view = GrantRequestView.of(r, null);
        audit.append(new AuditEvent(AuditKind.GRANT_REQUESTED, agentId, me, view));
        return view;
    }

    @Transactional
    public GrantRequestView get(UUID id) {
        GrantRequestEntity r = requests.findById(id);
        if (r == null) throw ApiException.notFound("Grant request", id);
        return GrantRequestView.of(r, decisions.findById(id));
    }

    @Transactional
    public List<GrantRequestView> list(GrantStatus status, PageRequest page) {
        return requests.page(status, page.page(), page.size()).stream()
                .map(r -> GrantRequestView.of(r, decisions.findById(r.id))).toList();
    }

    @Transactional
    public long count(GrantStatus status) {
        return requests.count(status);
    }

    /** Approves once and adds the grant in the same transaction; a second approve (or a race) is 409. */
    @Transactional
    public GrantRequestView approve(UUID id, String comment) {
        GrantRequestEntity r = lockedUndecided(id);
        GrantDecisionEntity d = decide(r, GrantStatus.APPROVED, comment);
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("grantRequest", GrantRequestView.of(r, d));
        grants.add(r.agentId, r.permission, payload);
        return GrantRequestView.of(r, d);
    }

    @Transactional
    public GrantRequestView reject(UUID id, String comment) {
        GrantRequestEntity r = lockedUndecided(id);
        GrantDecisionEntity d = decide(r, GrantStatus.REJECTED, comment);
        GrantRequestView view = GrantRequestView.of(r, d);
        audit.append(new AuditEvent(AuditKind.GRANT_REQUEST_REJECTED, r.agentId, d.decidedBy, view));
        return view;
    }

    /** The row lock makes concurrent deciders queue; the primary key of the decision is the backstop. */
    private GrantRequestEntity lockedUndecided(UUID id) {
        GrantRequestEntity r = requests.findById(id, LockModeType.PESSIMISTIC_WRITE);
        if (r == null) throw ApiException.notFound("Grant request", id);
        GrantDecisionEntity earlier = decisions.findById(id);
        if (earlier != null) {
            throw ApiException.conflict("grant request " + id + " was already " + earlier.status.toLowerCase(java.util.Locale.ROOT)
                    + " by " + earlier.decidedBy);
        }
        return r;
    }

    private GrantDecisionEntity decide(GrantRequestEntity r, GrantStatus status, String comment) {
        String me = caller.name();
        String owner = grants.owner(r.agentId);
        if (me.equalsIgnoreCase(owner)) {
            throw Caller.forbidden(me + " owns agent " + r.agentId + "; four eyes: another agent-admin must decide this request");
        }
        if (me.equalsIgnoreCase(r.requestedBy)) {
            throw Caller.forbidden(me + " asked for this grant; four eyes: another agent-admin must decide it");
        }
        GrantDecisionEntity d = new GrantDecisionEntity();
        d.requestId = r.id;
        d.status = status.name();
        d.decidedBy = me;
        d.decidedAt = now();
        d.comment = comment == null || comment.isBlank() ? null : comment.strip();
        try {
            decisions.persistAndFlush(d);
        } catch (PersistenceException e) {
            throw ApiException.conflict("grant request " + r.id + " was decided concurrently");
        }
        return d;
    }

    private OffsetDateTime now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS).atOffset(ZoneOffset.UTC);
    }
}
