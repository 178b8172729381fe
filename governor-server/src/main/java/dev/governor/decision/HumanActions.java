package dev.governor.decision;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.governor.api.ApiException;
import dev.governor.approval.ApprovalChanged;
import dev.governor.approval.ApprovalStatus;
import dev.governor.audit.AuditEvent;
import dev.governor.audit.AuditKind;
import dev.governor.audit.AuditTrail;
import dev.governor.policy.Outcome;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * What humans did with RECOMMEND and REQUIRE_APPROVAL decisions: the benchmark's agreement rate.
 * Recorded by {@code POST /v1/decisions/{id}/human-action}, and when the approval a decision
 * opened is approved (ACCEPTED) or rejected (REJECTED): observed in the approval's transaction,
 * so approval needs to know nothing of decisions. Append-only; the latest stands.
 */
@ApplicationScoped
public class HumanActions {

    static final Set<String> REVIEWABLE = Set.of(Outcome.RECOMMEND.name(), Outcome.REQUIRE_APPROVAL.name());

    private final DecisionLocks locks;
    private final AuditTrail audit;
    private final HumanActionBindings bindings;
    private final Clock clock;
    private final EntityManager em;
    private final ObjectMapper mapper;

    public HumanActions(DecisionLocks locks, AuditTrail audit, HumanActionBindings bindings, Clock clock,
                        EntityManager em, ObjectMapper mapper) {
        this.locks = locks;
        this.audit = audit;
        this.bindings = bindings;
        this.clock = clock;
        this.em = em;
        this.mapper = mapper;
    }

    @Transactional
    public HumanActionView record(UUID decisionId, HumanActionRequest body, String actor) {
        DecisionEntity decision = locks.lock(decisionId);
        if (!REVIEWABLE.contains(decision.outcome)) {
            throw ApiException.conflict("decision " + decisionId + " was " + decision.outcome
                    + "; a human action is recorded only for RECOMMEND and REQUIRE_APPROVAL decisions");
        }
        return append(decision, body.action(), HumanActionEntity.Source.HUMAN_ACTION, body.actionTaken(), actor,
                body.comment());
    }

    /** An approval approved or rejected is the human's answer to the decision that opened it. */
    void onApproval(@Observes ApprovalChanged change) {
        // Only the approve and reject events leave an approval in these states.
        HumanAction action = change.status() == ApprovalStatus.APPROVED ? HumanAction.ACCEPTED
                : change.status() == ApprovalStatus.REJECTED ? HumanAction.REJECTED : null;
        if (action == null || change.decisionId() == null) return;
        DecisionEntity decision = locks.lock(change.decisionId());
        if (!REVIEWABLE.contains(decision.outcome)) return;
        append(decision, action, HumanActionEntity.Source.APPROVAL, null, change.actor(), change.comment());
    }

    private HumanActionView append(DecisionEntity decision, HumanAction action, HumanActionEntity.Source source,
                                   JsonNode taken, String actor, String comment) {
        HumanActionEntity e = new HumanActionEntity();
        e.id = UUID.randomUUID();
        e.decisionId = decision.id;
        e.seq = locks.nextSeq("HumanActionEntity", decision.id);
        e.action = action;
        e.source = source;
        e.actionTakenJson = taken == null || taken.isNull() ? null : json(taken);
        e.actor = actor;
        e.comment = comment;
        e.actedAt = clock.instant().truncatedTo(ChronoUnit.MICROS).atOffset(ZoneOffset.UTC);
        em.persist(e);
        em.flush();
        HumanActionView view = new HumanActionView(e.id, e.decisionId, e.seq, e.action, e.source,
                taken == null || taken.isNull() ? null : taken, e.actor, e.comment, e.actedAt);
        audit.append(new AuditEvent(AuditKind.HUMAN_ACTION, decision.id.toString(), actor, view,
                List.of(bindings.of(e))));
        return view;
    }

    private String json(JsonNode node) {
        try {
            return mapper.writeValueAsString(node);
        } catch (JsonProcessingException ex) {
            throw ApiException.invalid("actionTaken", "is not JSON that can be stored");
        }
    }
}
