package dev.governor.decision;

import dev.governor.GovernorConfig;
import dev.governor.audit.AuditEvent;
import dev.governor.audit.AuditKind;
import dev.governor.audit.AuditTrail;
import dev.governor.policy.OutcomeDeadline;
import dev.governor.policy.PolicyEngine;
import dev.governor.policy.ReasonCode;
import dev.governor.policy.Reversibility;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Flags ALLOWed mutations whose agent reported no outcome within the period of
 * {@code decision-tables/outcome-deadlines.dmn}: one flag per decision, audited with reason code
 * OUTCOME_MISSING. Each flag is written in its own transaction with the decision's row locked, so
 * two runs at once (two instances, or a test) flag a decision once.
 */
@ApplicationScoped
public class MissingOutcomes {

    static final int PAGE = 200;

    private final EntityManager em;
    private final PolicyEngine policy;
    private final DecisionLocks locks;
    private final AuditTrail audit;
    private final MissingBindings bindings;
    private final Clock clock;
    private final GovernorConfig config;

    public MissingOutcomes(EntityManager em, PolicyEngine policy, DecisionLocks locks, AuditTrail audit,
                           MissingBindings bindings, Clock clock, GovernorConfig config) {
        this.em = em;
        this.policy = policy;
        this.locks = locks;
        this.audit = audit;
        this.bindings = bindings;
        this.clock = clock;
        this.config = config;
    }

    /** A page of unflagged, unreported ALLOWed mutations decided after {@code after}, oldest first. */
    @Transactional
    List<Object[]> candidates(OffsetDateTime after, UUID afterId, OffsetDateTime before) {
        return em.createQuery("select d.id, d.decidedAt, d.actionType, d.environment, d.reversibility"
                        + " from DecisionEntity d where d.outcome = 'ALLOW' and d.mutating = true"
                        + " and d.decidedAt < :before and (d.decidedAt > :after or (d.decidedAt = :after and d.id > :id))"
                        + " and not exists (select 1 from OutcomeEntity o where o.decisionId = d.id)"
                        + " and not exists (select 1 from MissingOutcomeEntity m where m.id = d.id)"
                        + " order by d.decidedAt, d.id", Object[].class)
                .setParameter("before", before).setParameter("after", after).setParameter("id", afterId)
                .setMaxResults(PAGE).getResultList();
    }

    /** @return how many decisions this run flagged */
    public int flagDue() {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        OffsetDateTime after = OffsetDateTime.of(1970, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC);
        UUID afterId = new UUID(Long.MIN_VALUE, Long.MIN_VALUE);
        int flagged = 0;
        int read = 0;
        while (read < config.outcomes().missingMaxPerRun()) {
            List<Object[]> page = candidates(after, afterId, now.atOffset(ZoneOffset.UTC));
            if (page.isEmpty()) break;
            for (Object[] row : page) {
                read++;
                OffsetDateTime decidedAt = (OffsetDateTime) row[1];
                OutcomeDeadline deadline = policy.outcomeDeadline((String) row[2], (String) row[3],
                        Reversibility.valueOf((String) row[4]));
                if (deadline.period() != null && !decidedAt.toInstant().plus(deadline.period()).isAfter(now)
                        && flag((UUID) row[0], deadline, decidedAt, now)) {
                    flagged++;
                }
            }
            Object[] last = page.get(page.size() - 1);
            after = (OffsetDateTime) last[1];
            afterId = (UUID) last[0];
        }
        return flagged;
    }

    /** Flags one decision unless it was claimed or flagged meanwhile; its own transaction. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    boolean flag(UUID decisionId, OutcomeDeadline deadline, OffsetDateTime decidedAt, Instant now) {
        DecisionEntity decision = locks.lock(decisionId);
        if (locks.claimed(decisionId) || em.find(MissingOutcomeEntity.class, decisionId) != null) return false;
        MissingOutcomeEntity flag = new MissingOutcomeEntity();
        flag.id = decisionId;
        flag.period = deadline.period().toString();
        flag.dueAt = decidedAt.plus(deadline.period());
        flag.flaggedAt = now.atOffset(ZoneOffset.UTC);
        em.persist(flag);
        em.flush();
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("reasonCode", ReasonCode.OUTCOME_MISSING.name());
        payload.put("decisionId", decisionId);
        payload.put("agentId", decision.agentId);
        payload.put("actionType", decision.actionType);
        payload.put("period", flag.period);
        payload.put("dueAt", flag.dueAt);
        payload.put("source", deadline.source());
        audit.append(new AuditEvent(AuditKind.OUTCOME_MISSING, decisionId.toString(), AuditEvent.SYSTEM, payload,
                List.of(bindings.of(flag))));
        return true;
    }
}
