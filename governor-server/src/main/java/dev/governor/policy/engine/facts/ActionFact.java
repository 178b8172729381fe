package dev.governor.policy.engine.facts;

import dev.governor.policy.BlastRadius;
import dev.governor.policy.EnvironmentTier;
import dev.governor.policy.Reversibility;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The requested action with its classification by the policy tables: reversibility, the
 * environment's registered name and tier (environments.dmn) and the blast radius.
 *
 * @param environment      the environment as the agent named it
 * @param environmentName  its registered name (an alias such as prod is production)
 * @param environmentListed false when no row of environments.dmn lists it (it is then PRODUCTION)
 * @param tier             the effective tier: the stricter of the declared environment's and the
 *                         registered assets'
 * @param records          null (like users and monetaryValue) when the agent did not declare it:
 *                         unknown, never 0; otherwise the larger of the declared and registered figure
 * @param declaredTier     the tier of the environment the agent named (environments.dmn)
 * @param assetTier        the strictest tier of the registered assets the target matches, or null
 * @param assetSources     where the matching assets are registered (table rows or /v1/assets ids)
 * @param dataClasses      what the target holds: from its assets and from sensitive-targets.dmn
 * @param readAs           for a read of sensitive material, the action type it is also judged as
 * @param egress           whether the action can send data out (decision-tables/egress.dmn)
 */
public record ActionFact(String type, String resource, String verb, boolean mutating,
                         String environment, String environmentName, EnvironmentTier tier, boolean environmentListed,
                         String target, Long records, Long users, BigDecimal monetaryValue, String rollbackPlan,
                         Reversibility reversibility, BlastRadius blastRadius,
                         EnvironmentTier declaredTier, EnvironmentTier assetTier, List<String> assetSources,
                         Set<String> dataClasses, String readAs, boolean egress, String egressChannel) {

    public ActionFact {
        assetSources = assetSources == null ? List.of() : List.copyOf(assetSources);
        dataClasses = dataClasses == null ? Set.of() : Set.copyOf(dataClasses);
    }

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
    public EnvironmentTier getDeclaredTier() { return declaredTier; }
    public EnvironmentTier getAssetTier() { return assetTier; }
    public List<String> getAssetSources() { return assetSources; }
    public Set<String> getDataClasses() { return dataClasses; }
    public String getReadAs() { return readAs; }
    public boolean isEgress() { return egress; }
    public String getEgressChannel() { return egressChannel; }

    /** The agent named an environment milder than the one its target is registered in. */
    public boolean isDeclaredMilderThanAsset() {
        return assetTier != null && declaredTier != null && declaredTier.compareTo(assetTier) < 0;
    }

    /** The target holds data of one of these classes. */
    public boolean touches(String... classes) {
        for (String c : classes) if (dataClasses.contains(c)) return true;
        return false;
    }

    /** The resource part of {@link #readAs} (credentials for credentials.read), or null. */
    public String getReadAsResource() {
        return readAs == null ? null : readAs.contains(".") ? readAs.substring(0, readAs.indexOf('.')) : readAs;
    }

    /** The verb part of {@link #readAs} (read for credentials.read), or null. */
    public String getReadAsVerb() {
        return readAs == null ? null : readAs.contains(".") ? readAs.substring(readAs.indexOf('.') + 1) : "";
    }

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
