package dev.governor.agent;

import dev.governor.policy.AutonomyLevel;

import dev.governor.api.ApiException;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.Set;
import java.util.TreeSet;

/** The editable part of an agent after defaults are applied; what create and replace store. */
record AgentSpec(String owner, String task, AutonomyLevel autonomyLevel, Set<String> environments,
                 Set<String> permissions, AgentKind kind, Map<String, Instant> grantsUntil) {

    static final Set<String> DEFAULT_ENVIRONMENTS = Set.of("sandbox");

    /** An end for a grant the agent is not given is refused (400 naming {@code grantsUntil.<grant>}). */
    static AgentSpec of(String owner, String task, AutonomyLevel level, List<String> environments,
                        List<String> permissions, AgentKind kind, Map<String, OffsetDateTime> grantsUntil) {
        Set<String> grants = permissions == null ? Set.of() : new TreeSet<>(permissions);
        Map<String, Instant> ends = new TreeMap<>();
        if (grantsUntil != null) {
            grantsUntil.forEach((grant, until) -> {
                if (!grants.contains(grant)) {
                    throw ApiException.invalid("grantsUntil." + grant, "names a grant that is not in permissions");
                }
                ends.put(grant, until.toInstant().truncatedTo(ChronoUnit.MICROS));
            });
        }
        return new AgentSpec(owner.trim(), task,
                level == null ? AutonomyLevel.OBSERVE : level,
                environments == null ? DEFAULT_ENVIRONMENTS : new TreeSet<>(environments),
                grants, kind == null ? AgentKind.AGENT : kind, Map.copyOf(ends));
    }
}
