package dev.governor.budget;

import dev.governor.policy.EvaluationInput.ActionFacts;
import dev.governor.policy.EvaluationInput.BudgetUsage;
import dev.governor.policy.EvaluationInput.UsageTotals;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

/**
 * Per-agent running totals of ALLOWed mutations, kept in the database (table budget_usage) so
 * that they hold across restarts and across Governor instances sharing one database.
 */
@ApplicationScoped
public class BudgetLedger {

    private final EntityManager em;

    public BudgetLedger(EntityManager em) {
        this.em = em;
    }

    /** The agent's usage as the budget table will ask for it: looked up per window, remembered. */
    public BudgetUsage usageOf(String agentId, Instant now) {
        return new RecordedUsage((window, environment) -> totals(agentId, window, environment, now));
    }

    /**
     * Counts an ALLOWed mutation against the agent's budgets, in the decision's transaction.
     *
     * @param environment the environment's registered name (environments.dmn), so that aliases
     *                    such as prod and production count against one budget; null: as written
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void record(UUID decisionId, String agentId, ActionFacts action, String environment, OffsetDateTime at) {
        BudgetUsageEntity usage = new BudgetUsageEntity();
        usage.decisionId = decisionId;
        usage.agentId = agentId;
        usage.environment = environment == null ? action.environment() : environment;
        usage.decidedAt = at;
        usage.records = action.records();
        usage.users = action.users();
        usage.monetaryValue = action.monetaryValue();
        em.persist(usage);
    }

    /**
     * Sums over the window ending at {@code now} (exclusive start, inclusive end); one indexed query.
     * A sum is null (unknown) when any counted row left that figure undeclared.
     */
    @Transactional
    UsageTotals totals(String agentId, Duration window, String environment, Instant now) {
        String jpql = "select count(u), sum(u.records), sum(u.users), sum(u.monetaryValue),"
                + " count(u.records), count(u.users), count(u.monetaryValue) from BudgetUsageEntity u"
                + " where u.agentId = :agent and u.decidedAt > :from and u.decidedAt <= :now"
                + (environment == null ? "" : " and u.environment = :environment");
        var query = em.createQuery(jpql, Object[].class)
                .setParameter("agent", agentId)
                .setParameter("from", now.minus(window).atOffset(ZoneOffset.UTC))
                .setParameter("now", now.atOffset(ZoneOffset.UTC));
        if (environment != null) query.setParameter("environment", environment);
        Object[] row = query.getSingleResult();
        long actions = number(row[0]);
        boolean recordsKnown = number(row[4]) == actions;
        boolean usersKnown = number(row[5]) == actions;
        boolean moneyKnown = number(row[6]) == actions;
        return new UsageTotals(window, environment, actions,
                recordsKnown ? number(row[1]) : null, usersKnown ? number(row[2]) : null,
                !moneyKnown ? null : row[3] == null ? BigDecimal.ZERO : ((BigDecimal) row[3]).stripTrailingZeros());
    }

    private static long number(Object value) {
        return value == null ? 0 : ((Number) value).longValue();
    }
}
