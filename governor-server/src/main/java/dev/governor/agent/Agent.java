package dev.governor.agent;

import dev.governor.policy.AutonomyLevel;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.TreeMap;

/**
 * An agent as the API shows it; environments and permissions are sorted for stable output.
 * {@code grantsUntil} names the grants that end, and when; a grant not named there has no end.
 */
public record Agent(
        String id,
        String owner,
        String task,
        AutonomyLevel autonomyLevel,
        List<String> environments,
        List<String> permissions,
        boolean suspended,
        String suspendedReason,
        Instant createdAt,
        Instant updatedAt,
        String criteriaVersion,
        AgentKind kind,
        Map<String, Instant> grantsUntil) {

    /** The grants whose end has not come at {@code now} (a grant is over at its end instant itself). */
    public Set<String> grantsInForce(Instant now) {
        Set<String> live = new TreeSet<>(permissions);
        grantsUntil.forEach((grant, until) -> {
            if (!now.isBefore(until)) live.remove(grant);
        });
        return live;
    }

    static Agent of(AgentEntity e) {
        return new Agent(e.id, e.owner, e.task, e.autonomyLevel,
                e.environments.stream().sorted().toList(), e.permissions.stream().sorted().toList(),
                e.suspended, e.suspendedReason, e.createdAt, e.updatedAt, e.criteriaVersion, e.kind,
                new TreeMap<>(e.grantEnds));
    }
}
