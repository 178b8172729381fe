package dev.governor.agent;

import dev.governor.policy.AutonomyLevel;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** The editable part of an agent after defaults are applied; what create and replace store. */
record AgentSpec(String owner, String task, AutonomyLevel autonomyLevel, Set<String> environments,
                 Set<String> permissions, AgentKind kind) {

    static final Set<String> DEFAULT_ENVIRONMENTS = Set.of("sandbox");

    static AgentSpec of(String owner, String task, AutonomyLevel level, List<String> environments,
                        List<String> permissions, AgentKind kind) {
        return new AgentSpec(owner.trim(), task,
                level == null ? AutonomyLevel.OBSERVE : level,
                environments == null ? DEFAULT_ENVIRONMENTS : new TreeSet<>(environments),
                permissions == null ? Set.of() : new TreeSet<>(permissions),
                kind == null ? AgentKind.AGENT : kind);
    }
}
