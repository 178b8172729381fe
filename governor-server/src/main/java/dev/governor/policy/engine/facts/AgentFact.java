package dev.governor.policy.engine.facts;

import dev.governor.policy.AutonomyLevel;
import dev.governor.policy.Grants;

import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A registered agent. Absent from working memory when the agent id is unknown. Its
 * environments may name environments (their aliases included) or tiers.
 */
public record AgentFact(String id, boolean suspended, AutonomyLevel autonomyLevel,
                        Set<String> environments, Set<String> permissions, boolean orphaned,
                        Map<String, Instant> endedGrants) {

    public AgentFact {
        environments = environments == null ? Set.of() : Set.copyOf(environments);
        permissions = permissions == null ? Set.of() : Set.copyOf(permissions);
        endedGrants = endedGrants == null ? Map.of() : Map.copyOf(endedGrants);
    }

    public AgentFact(String id, boolean suspended, AutonomyLevel autonomyLevel, Set<String> environments,
                     Set<String> permissions, boolean orphaned) {
        this(id, suspended, autonomyLevel, environments, permissions, orphaned, Map.of());
    }

    /**
     * The ended grant ({@code grantsUntil} reached) that would have covered {@code resource:verb},
     * as {@code "<grant> (ended <instant>)"}, the first by name; null when none would have.
     */
    public String endedGrant(String resource, String verb) {
        return new TreeMap<>(endedGrants).entrySet().stream()
                .filter(e -> Grants.covers(e.getKey(), resource, verb))
                .map(e -> e.getKey() + " (it expired at " + e.getValue() + ")").findFirst().orElse(null);
    }

    public String getId() { return id; }
    public boolean isSuspended() { return suspended; }
    /** Its owner is disabled, deleted or unknown to Governor: nobody answers for it. */
    public boolean isOrphaned() { return orphaned; }
    public AutonomyLevel getAutonomyLevel() { return autonomyLevel; }

    /** Sorted, so messages read the same on every run. */
    public Set<String> getPermissions() { return new TreeSet<>(permissions); }
    public Set<String> getEnvironments() { return new TreeSet<>(environments); }

    /** Grant {@code resource:verb}, where either part may be {@code *}. */
    public boolean grants(String resource, String verb) {
        return Grants.cover(permissions, resource, verb);
    }

    /**
     * The environment as named, its registered name, or (for a listed environment only) its
     * tier: a tier grant never reaches an environment the policy does not know.
     */
    public boolean mayWorkIn(ActionFact action) {
        String named = action.getEnvironment();
        if (named != null && environments.contains(named)) return true;
        String registered = action.getEnvironmentName();
        if (registered != null && environments.contains(registered)) return true;
        return action.isEnvironmentListed() && action.getTier() != null && environments.contains(action.getTier().name());
    }
}
