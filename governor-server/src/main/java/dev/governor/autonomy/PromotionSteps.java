package dev.governor.autonomy;

import dev.governor.agent.Agent;
import dev.governor.api.ApiException;
import dev.governor.policy.PromotionStep;

/** What a promotion body asks for, checked against where the agent stands. */
final class PromotionSteps {

    private PromotionSteps() {
    }

    static PromotionStep.Change change(PromotionRequest body) {
        if ((body.toLevel() == null) == (body.toEnvironment() == null)) {
            throw ApiException.invalid("toLevel", "give exactly one of toLevel and toEnvironment");
        }
        return body.toLevel() != null ? PromotionStep.Change.LEVEL : PromotionStep.Change.ENVIRONMENT;
    }

    static String from(Agent agent, PromotionStep.Change change) {
        return change == PromotionStep.Change.LEVEL ? agent.autonomyLevel().name() : String.join(",", agent.environments());
    }

    /** A level above the current one (the table says whether a jump can ever be met), or a new environment. */
    static String to(Agent agent, PromotionRequest body) {
        if (agent.suspended()) {
            throw ApiException.conflict("agent '" + agent.id() + "' is suspended; resume it before promoting it");
        }
        if (body.toLevel() != null) {
            if (body.toLevel().compareTo(agent.autonomyLevel()) <= 0) {
                throw ApiException.conflict("toLevel: agent '" + agent.id() + "' is already at " + agent.autonomyLevel()
                        + "; lowering needs no promotion (PUT /v1/agents/" + agent.id() + ")");
            }
            return body.toLevel().name();
        }
        if (agent.environments().contains(body.toEnvironment())) {
            throw ApiException.conflict("toEnvironment: agent '" + agent.id() + "' already works in " + body.toEnvironment());
        }
        return body.toEnvironment();
    }
}
