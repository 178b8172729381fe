package dev.governor.plan;

import dev.governor.api.Patterns;
import dev.governor.decision.DecisionRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.util.List;

/** The body of {@code POST /v1/plans}: a whole sequence of actions, verified before the first runs. */
public record PlanRequest(
        @NotNull @Pattern(regexp = Patterns.AGENT_ID, message = Patterns.AGENT_ID_MESSAGE) String agentId,
        @Size(max = 128) String sessionId,
        @Size(max = 4000) String goal,
        @NotNull @Size(min = 1, max = 100) List<@NotNull @Valid Step> steps,
        @Valid DecisionRequest.Reasoning reasoning) {

    /** One step: the action, and the data the agent bases it on. */
    public record Step(
            @NotNull @Valid DecisionRequest.Action action,
            @Size(max = 200) List<DecisionRequest.@NotNull @Valid Input> inputs) {

        public Step {
            inputs = inputs == null ? List.of() : inputs;
        }
    }
}
