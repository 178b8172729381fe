package dev.governor.approval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.governor.GovernorConfig;
import dev.governor.agent.AgentService;
import dev.governor.api.ApiException;
import dev.governor.api.JsonText;
import dev.governor.api.PageRequest;
import dev.governor.audit.AuditEvent;
import dev.governor.audit.AuditKind;
import dev.governor.audit.AuditTrail;
import dev.governor.audit.CanonicalJson;
import dev.governor.audit.SensitiveFields;
import dev.governor.policy.Reversibility;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Opens approvals, lets humans decide them, expires them; every change is an event row. */
@ApplicationScoped
public class ApprovalService {

    static final String SYSTEM_ACTOR = AuditEvent.SYSTEM;

    private final ApprovalRepository repository;
    private final ApprovalEventRepository events;
    private final AgentService agents;
    private final Event<ApprovalChanged> changed;
    private final AuditTrail audit;
    private final GovernorConfig config;
    private final ObjectMapper mapper;
    private final Clock clock;
    private final FourEyes fourEyes;
    private final ApprovalBindings bindings;
    private final SensitiveFields sensitive;
    private final CanonicalJson canonical;

    public ApprovalService(ApprovalRepository repository, ApprovalEventRepository events, AgentService agents,
                           Event<ApprovalChanged> changed, AuditTrail audit, GovernorConfig config,
                           ObjectMapper mapper, Clock clock, FourEyes fourEyes, ApprovalBindings bindings,
                           SensitiveFields sensitive, CanonicalJson canonical) {
        this.sensitive = sensitive;
        this.canonical = canonical;
        this.bindings = bindings;
        this.fourEyes = fourEyes;
        this.repository = repository;
        this.events = events;
        this.agents = agents;
        this.changed = changed;
        this.audit = audit;
        this.config = config;
        this.mapper = mapper;
        this.clock = clock;
    }

    /** An id and expiry for an approval about to be opened, so the answer can name it before it is stored. */
    public OpenedApproval reserve(Duration ttl, OffsetDateTime now) {
        // Whole microseconds, as the databases store it, so the approval hashes alike when read back.
        return new OpenedApproval(UUID.randomUUID(), ApprovalStatus.PENDING,
                now.plus(ttl == null ? config.approval().ttl() : ttl).truncatedTo(ChronoUnit.MICROS));
    }

    /**
     * Opens a reserved approval in the caller's transaction, after the decision or plan it
     * belongs to has been persisted (the approval references it). The request is stored with its
     * sensitive fields masked, as the decision's is; the reasons come masked.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void open(OpenedApproval reserved, Subject subject, OffsetDateTime now) {
        ApprovalEntity approval = new ApprovalEntity();
        approval.id = reserved.id();
        approval.decisionId = subject.decisionId();
        approval.planId = subject.planId();
        approval.agentId = subject.agentId();
        approval.actionHash = subject.actionHash();
        approval.requestJson = JsonText.write(mapper, sensitive.redact(canonical.tree(subject.request())));
        approval.reasonsJson = JsonText.write(mapper, subject.reasons());
        approval.reversibility = subject.reversibility() == null ? null : subject.reversibility().name();
        approval.status = ApprovalStatus.PENDING;
        approval.createdAt = now;
        approval.expiresAt = reserved.expiresAt();
        repository.persist(approval);
        record(approval, ApprovalEventEntity.Type.OPENED, subject.agentId(), null, subject.decisionId(), now);
    }

    /** {@code approver}: the authenticated caller, never a name taken from the body. */
    @Transactional
    public ApprovalView approve(UUID id, String approver, ApprovalDecision body) {
        return decide(id, approver, body, ApprovalStatus.APPROVED, ApprovalEventEntity.Type.APPROVED);
    }

    @Transactional
    public ApprovalView reject(UUID id, String approver, ApprovalDecision body) {
        return decide(id, approver, body, ApprovalStatus.REJECTED, ApprovalEventEntity.Type.REJECTED);
    }

    private ApprovalView decide(UUID id, String approver, ApprovalDecision body, ApprovalStatus to,
                                ApprovalEventEntity.Type type) {
        ApprovalEntity approval = load(id);
        if (approver.equalsIgnoreCase(approval.agentId)) {
            throw new ApiException(403, "Forbidden", "agent " + approval.agentId
                    + " requested this action and cannot approve or reject it itself", List.of());
        }
        if (to == ApprovalStatus.APPROVED) fourEyes.check(approval, owner(approval.agentId), approver);
        OffsetDateTime now = now();
        if (repository.decide(id, to, approver, body.comment(), now) == 0) {
            repository.getEntityManager().refresh(approval);
            throw ApiException.conflict("approval " + id + " is " + approval.status
                    + (approval.status == ApprovalStatus.PENDING ? " but expired at " + approval.expiresAt : "")
                    + "; only a PENDING, unexpired approval can be approved or rejected");
        }
        repository.getEntityManager().refresh(approval);
        record(approval, type, approver, body.comment(), approval.decisionId, now);
        return view(approval);
    }

    /** Marks approvals past their time EXPIRED (PENDING ones, and APPROVED ones never used). */
    @Transactional
    public int expireDue() {
        OffsetDateTime now = now();
        int expired = 0;
        for (UUID id : repository.dueForExpiry(now, 500)) {
            if (repository.expire(id, now) == 1) {
                ApprovalEntity approval = repository.findById(id);
                repository.getEntityManager().refresh(approval);
                record(approval, ApprovalEventEntity.Type.EXPIRED, SYSTEM_ACTOR, null, approval.decisionId, now);
                expired++;
            }
        }
        return expired;
    }

    @Transactional
    public ApprovalView get(UUID id) {
        return view(load(id));
    }

    /** The approval's version, or null if it is gone; what a long-poll re-reads between wakes. */
    @Transactional
    public Long version(UUID id) {
        return repository.versionOf(id);
    }

    @Transactional
    public List<ApprovalView> list(ApprovalStatus status, PageRequest page) {
        return repository.page(status, page.page(), page.size()).stream().map(this::view).toList();
    }

    @Transactional
    public long count(ApprovalStatus status) {
        return repository.count(status);
    }

    /** The state changes of the given approvals, oldest first, for a decision's record. */
    @Transactional
    public List<ApprovalView.Event> events(List<UUID> approvalIds) {
        return events.of(approvalIds).stream().map(ApprovalService::event).toList();
    }

    /** An approval event with the approval it belongs to, for a decision's trace. */
    public record EventOf(UUID approvalId, ApprovalView.Event event) {
    }

    /** Events this decision recorded (opened, consumed), and every event of the given approvals, oldest first. */
    @Transactional
    public List<EventOf> eventsFor(UUID decisionId, java.util.Collection<UUID> approvalIds) {
        return events.forDecision(decisionId, approvalIds).stream()
                .map(e -> new EventOf(e.approvalId, event(e))).toList();
    }

    /** The approval a decision opened, if any. */
    @Transactional
    public List<UUID> openedBy(UUID decisionId) {
        return repository.find("decisionId", decisionId).list().stream().map(a -> a.id).toList();
    }

    void record(ApprovalEntity approval, ApprovalEventEntity.Type type, String actor, String comment,
                UUID decisionId, OffsetDateTime at) {
        ApprovalEventEntity event = new ApprovalEventEntity();
        event.approvalId = approval.id;
        event.decisionId = decisionId;
        event.type = type;
        event.actor = actor;
        event.at = at;
        event.comment = comment;
        events.persist(event);
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("type", type.name());
        payload.put("status", approval.status.name());
        payload.put("decisionId", decisionId);
        payload.put("agentId", approval.agentId);
        payload.put("at", at);
        payload.put("comment", comment);
        audit.append(new AuditEvent(AuditKind.APPROVAL_EVENT, approval.id.toString(), actor, payload,
                List.of(bindings.of(approval))));
        changed.fire(new ApprovalChanged(approval.id, approval.decisionId, approval.planId, approval.agentId,
                type, approval.status, actor, comment, approval.createdAt, at));
    }

    ApprovalEntity load(UUID id) {
        ApprovalEntity approval = id == null ? null : repository.findById(id);
        if (approval == null) throw ApiException.notFound("approval", id);
        return approval;
    }

    private ApprovalView view(ApprovalEntity a) {
        JsonNode request = JsonText.read(mapper, a.requestJson);
        return new ApprovalView(a.id, a.status, a.decisionId, a.planId, a.agentId, owner(a.agentId),
                request == null ? null : request.get("action"), request == null ? null : request.get("reasoning"),
                JsonText.read(mapper, a.reasonsJson), request, a.actionHash, a.createdAt, a.expiresAt, a.decidedAt,
                a.decidedBy, a.comment, a.consumedAt, a.consumedBy, a.version,
                events.of(List.of(a.id)).stream().map(ApprovalService::event).toList());
    }

    /**
     * The agent's accountable owner as registered now; null if the agent is gone. Checked first
     * rather than catching the 404, which would mark the surrounding transaction rollback-only.
     */
    private String owner(String agentId) {
        return agents.facts(agentId).isPresent() ? agents.get(agentId).owner() : null;
    }

    private static ApprovalView.Event event(ApprovalEventEntity e) {
        return new ApprovalView.Event(e.type.name(), e.actor, e.at, e.comment, e.decisionId);
    }

    OffsetDateTime now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS).atOffset(ZoneOffset.UTC);
    }



    public record OpenedApproval(UUID id, ApprovalStatus status, OffsetDateTime expiresAt) {
    }

    /**
     * What an approval covers: one decision's action, or one plan's steps ({@code decisionId}
     * null, {@code planId} set); {@code request} and {@code reasons} are shown to approvers;
     * {@code reversibility} is the action's (null for a plan), for four eyes.
     */
    public record Subject(UUID decisionId, UUID planId, String agentId, String actionHash, Object request,
                          Object reasons, Reversibility reversibility) {
    }
}
