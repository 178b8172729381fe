package dev.governor.agent;

import dev.governor.api.ApiException;
import dev.governor.policy.Grants;

import java.util.List;
import java.util.Set;

/**
 * What a replacement of an agent may not do on its own: raise the level, add an environment or
 * widen the grants. Those go through a promotion signed off by a second person, or a grant
 * request; lowering is always allowed.
 */
final class Escalation {

    private Escalation() {
    }

    static void refuse(AgentEntity agent, AgentSpec spec) {
        if (spec.autonomyLevel().compareTo(agent.autonomyLevel) > 0) {
            throw ApiException.conflict("autonomyLevel: raising agent '" + agent.id + "' from " + agent.autonomyLevel
                    + " to " + spec.autonomyLevel() + " needs evidence and a second person's sign-off: ask for it with"
                    + " POST /v1/agents/" + agent.id + "/promotions {\"toLevel\": \"" + spec.autonomyLevel()
                    + "\", \"justification\": \"...\"}");
        }
        List<String> added = spec.environments().stream().filter(e -> !agent.environments.contains(e)).sorted().toList();
        if (!added.isEmpty()) {
            throw ApiException.conflict("environments: adding " + added + " to agent '" + agent.id + "' is a promotion:"
                    + " ask for it with POST /v1/agents/" + agent.id + "/promotions {\"toEnvironment\": \""
                    + added.get(0) + "\", \"justification\": \"...\"}");
        }
        List<String> wider = spec.permissions().stream().filter(p -> !Grants.coverGrant(agent.permissions, p)).sorted().toList();
        if (!wider.isEmpty()) {
            throw ApiException.conflict("permissions: " + wider + " would widen what agent '" + agent.id + "' may do:"
                    + " its owner files POST /v1/agents/" + agent.id + "/grant-requests, and an agent-admin who is"
                    + " not the owner approves it");
        }
        List<String> longer = agent.grantEnds.entrySet().stream().filter(e -> spec.permissions().contains(e.getKey()))
                .filter(e -> {
                    var until = spec.grantsUntil().get(e.getKey());
                    return until == null || until.isAfter(e.getValue());
                }).map(java.util.Map.Entry::getKey).sorted().toList();
        if (!longer.isEmpty()) {
            throw ApiException.conflict("grantsUntil: lifting or postponing the end of " + longer + " would widen what"
                    + " agent '" + agent.id + "' may do: its owner files POST /v1/agents/" + agent.id + "/grant-requests,"
                    + " and an agent-admin who is not the owner approves it");
        }
    }

    /** Whether the replacement lowers anything that the levels history records. */
    static boolean lowers(AgentEntity agent, AgentSpec spec) {
        return spec.autonomyLevel().compareTo(agent.autonomyLevel) < 0 || !spec.environments().containsAll(agent.environments);
    }

    /** Whether a registration starts above the defaults (OBSERVE, sandbox), which only an admin may do. */
    static boolean aboveDefaults(AgentSpec spec) {
        return spec.autonomyLevel() != dev.governor.policy.AutonomyLevel.OBSERVE
                || !Set.copyOf(spec.environments()).equals(AgentSpec.DEFAULT_ENVIRONMENTS);
    }
}
