package dev.governor.budget;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * One ALLOWed mutation and the impact it declared; budgets are sums over these rows. A figure the
 * agent did not declare is stored as null (unknown), so a sum over it is unknown, never smaller.
 */
@Entity
@Table(name = "budget_usage")
public class BudgetUsageEntity {

    @Id
    @Column(name = "decision_id")
    public UUID decisionId;
    @Column(name = "agent_id", nullable = false)
    public String agentId;
    @Column(nullable = false)
    public String environment;
    @Column(name = "decided_at", nullable = false)
    public OffsetDateTime decidedAt;
    public Long records;
    public Long users;
    @Column(name = "monetary_value")
    public BigDecimal monetaryValue;
}
