package dev.governor.policy.engine.facts;

import dev.governor.policy.BlastRadius;
import dev.governor.policy.Reversibility;

import java.math.BigDecimal;

/** The requested action with its classification by the reversibility and blast-radius tables. */
public record ActionFact(String type, String resource, String verb, boolean mutating,
                         String environment, String target, long records, long users,
                         BigDecimal monetaryValue, String rollbackPlan,
                         Reversibility reversibility, BlastRadius blastRadius) {

    public String getType() { return type; }
    public String getResource() { return resource; }
    public String getVerb() { return verb; }
    public boolean isMutating() { return mutating; }
    public String getEnvironment() { return environment; }
    public String getTarget() { return target; }
    public Reversibility getReversibility() { return reversibility; }
    public BlastRadius getBlastRadius() { return blastRadius; }
    public String getRollbackPlan() { return rollbackPlan; }

    public boolean isProduction() { return "production".equals(environment); }

    public boolean hasRollbackPlan() { return rollbackPlan != null && !rollbackPlan.isBlank(); }
}
