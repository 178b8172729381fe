package dev.governor.policy.engine.facts;

import dev.governor.policy.BlastRadius;
import dev.governor.policy.EnvironmentTier;
import dev.governor.policy.Reversibility;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * The requested action with its classification by the policy tables: reversibility, the
 * environment's registered name and tier (environments.dmn) and the blast radius.
 *
 * @param environment      the environment as the agent named it
 * @param environmentName  its registered name (an alias such as prod is production)
 * @param environmentListed false when no row of environments.dmn lists it (it is then PRODUCTION)
 * @param records          null (like users and monetaryValue) when the agent did not declare it:
 *                         unknown, never 0
 */
public record ActionFact(String type, String resource, String verb, boolean mutating,
                         String environment, String environmentName, EnvironmentTier tier, boolean environmentListed,
                         String target, Long records, Long users, BigDecimal monetaryValue, String rollbackPlan,
                         Reversibility reversibility, BlastRadius blastRadius) {

    public String getType() { return type; }
    public String getResource() { return resource; }
    public String getVerb() { return verb; }
    public boolean isMutating() { return mutating; }
    public String getEnvironment() { return environment; }
    public String getEnvironmentName() { return environmentName; }
    public EnvironmentTier getTier() { return tier; }
    public boolean isEnvironmentListed() { return environmentListed; }
    public String getTarget() { return target; }
    public Long getRecords() { return records; }
    public Long getUsers() { return users; }
    public BigDecimal getMonetaryValue() { return monetaryValue; }
    public Reversibility getReversibility() { return reversibility; }
    public BlastRadius getBlastRadius() { return blastRadius; }
    public String getRollbackPlan() { return rollbackPlan; }

    /** The tier decides, never the word the agent used; an unlisted environment is PRODUCTION. */
    public boolean isProduction() { return tier == EnvironmentTier.PRODUCTION; }

    /** The impact figures the agent did not declare, by their request names (records, users, monetaryValue). */
    public List<String> getUnknownFigures() {
        List<String> unknown = new ArrayList<>();
        if (records == null) unknown.add("records");
        if (users == null) unknown.add("users");
        if (monetaryValue == null) unknown.add("monetaryValue");
        return unknown;
    }

    public boolean hasRollbackPlan() { return rollbackPlan != null && !rollbackPlan.isBlank(); }
}
