package dev.governor.decision;

import dev.governor.GovernorConfig;
import dev.governor.policy.EvaluationInput.SessionStep;
import dev.governor.policy.Outcome;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * The earlier steps a decision is judged with: the agent's own within the window, in any session,
 * and the steps of the request's session or plan, whoever took them; the latest
 * {@code governor.session.max-steps} of each, oldest first, each with its latest reported outcome.
 * Reading the agent's steps whatever session they named means that naming a new session does
 * not leave a credentials read behind. Read-only projections: no decision entity is loaded.
 */
@ApplicationScoped
public class SessionSteps {

    private static final String SELECT = "select d.id, d.decidedAt, d.actionType, d.outcome, d.dataClasses, d.sessionId, "
            + "d.planId from DecisionEntity d where ";

    private final EntityManager em;
    private final GovernorConfig config;

    public SessionSteps(EntityManager em, GovernorConfig config) {
        this.em = em;
        this.config = config;
    }

    public List<SessionStep> before(String agentId, String sessionId, UUID planId, Instant now) {
        OffsetDateTime since = now.minus(config.session().window()).atOffset(ZoneOffset.UTC);
        OffsetDateTime until = now.atOffset(ZoneOffset.UTC);
        Map<UUID, Object[]> rows = new LinkedHashMap<>();
        read("d.agentId = :key", agentId, since, until, rows);
        if (sessionId != null) read("d.sessionId = :key", sessionId, since, until, rows);
        if (planId != null) read("d.planId = :key", planId, since, until, rows);
        Map<UUID, String> reported = reported(new ArrayList<>(rows.keySet()));
        return rows.values().stream()
                .sorted(Comparator.comparing((Object[] r) -> (OffsetDateTime) r[1]).thenComparing(r -> r[0].toString()))
                .map(r -> step(r, sessionId, planId, reported)).toList();
    }

    private void read(String where, Object key, OffsetDateTime since, OffsetDateTime until, Map<UUID, Object[]> into) {
        List<Object[]> found = em.createQuery(SELECT + where + " and d.decidedAt >= :since and d.decidedAt <= :until"
                        + " order by d.decidedAt desc", Object[].class)
                .setParameter("key", key).setParameter("since", since).setParameter("until", until)
                .setMaxResults(config.session().maxSteps()).getResultList();
        found.forEach(r -> into.putIfAbsent((UUID) r[0], r));
    }

    /** The latest report of each decision (reports are history; the last one stands). */
    private Map<UUID, String> reported(List<UUID> ids) {
        Map<UUID, String> latest = new HashMap<>();
        if (ids.isEmpty()) return latest;
        em.createQuery("select o.decisionId, o.status from OutcomeEntity o where o.decisionId in :ids"
                        + " order by o.reportedAt, o.id", Object[].class)
                .setParameter("ids", ids).getResultList()
                .forEach(r -> latest.put((UUID) r[0], Objects.toString(r[1], null)));
        return latest;
    }

    private static SessionStep step(Object[] r, String sessionId, UUID planId, Map<UUID, String> reported) {
        UUID id = (UUID) r[0];
        String classes = (String) r[4];
        boolean same = sessionId != null && sessionId.equals(r[5]) || planId != null && planId.equals(r[6]);
        return new SessionStep(id, ((OffsetDateTime) r[1]).toInstant(), (String) r[2], Outcome.valueOf((String) r[3]),
                classes == null || classes.isBlank() ? List.of() : Arrays.asList(classes.split(",")),
                reported.get(id), same, false);
    }
}
