package dev.governor.autonomy;

import dev.governor.policy.AutonomyLevel;

import java.time.Instant;
import java.util.List;

/**
 * {@code GET /v1/agents/{id}/evidence}: the agent's record against the criteria of each step it
 * could take next: the next level, and each environment tier it does not hold yet (or the
 * environment asked for with {@code ?toEnvironment=}).
 *
 * @param agentCriteriaVersion the criteria version stamped on the agent at registration
 * @param criteriaChanged      the criteria in force differ from those it was registered under
 */
public record EvidenceReport(String agentId, AutonomyLevel autonomyLevel, List<String> environments, Instant at,
                             String criteriaVersion, String agentCriteriaVersion, boolean criteriaChanged,
                             StepEvidence nextLevel, List<StepEvidence> nextEnvironments) {
}
