package dev.governor.policy;

import java.util.Set;

/**
 * One step up an agent asks for: to {@code target}, a higher autonomy level (LEVEL) or an
 * environment it does not hold yet (ENVIRONMENT), from what it holds now.
 */
public record PromotionStep(Change change, AutonomyLevel level, Set<String> environments, String target) {

    public enum Change { LEVEL, ENVIRONMENT }

    public PromotionStep {
        environments = environments == null ? Set.of() : Set.copyOf(environments);
    }
}
