package dev.governor.policy;

import dev.governor.agent.AutonomyLevel;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * Everything a policy may look at for one decision, gathered by the caller beforehand, so
 * that evaluation is a pure function of this value and the loaded policy version.
 *
 * @param agent         the registered agent, or {@code null} when the id is unknown
 * @param agentId       the id the caller gave, known or not
 * @param freezes       freezes whose window contains {@code now}
 */
public record EvaluationInput(
        String agentId,
        AgentFacts agent,
        ActionFacts action,
        List<InputFacts> inputs,
        List<FreezeFacts> freezes,
        Instant now) {

    public EvaluationInput {
        inputs = inputs == null ? List.of() : List.copyOf(inputs);
        freezes = freezes == null ? List.of() : List.copyOf(freezes);
    }

    public record AgentFacts(
            String id,
            boolean suspended,
            AutonomyLevel autonomyLevel,
            Set<String> environments,
            Set<String> permissions) {
    }

    /** {@code type} is {@code <resource>.<verb>}; impact figures are never null (0 when not declared). */
    public record ActionFacts(
            String type,
            String environment,
            String target,
            long records,
            long users,
            BigDecimal monetaryValue,
            String rollbackPlan) {
    }

    public record InputFacts(String source, String metric, BigDecimal value, Instant observedAt) {
    }

    public record FreezeFacts(String id, String environment, Instant from, Instant until, String reason) {
    }
}
