package dev.governor.client;

import java.util.List;

/** The body of {@code POST /v1/plans}: a whole sequence, verified before the first step runs. */
public record Plan(String agentId, String sessionId, String goal, List<Step> steps,
                   ActionRequest.Reasoning reasoning) {

    public record Step(ActionRequest.Action action, List<ActionRequest.Input> inputs) {
    }
}
