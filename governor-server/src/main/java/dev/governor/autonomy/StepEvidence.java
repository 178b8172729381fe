package dev.governor.autonomy;

import dev.governor.policy.Evaluation;
import dev.governor.policy.PromotionStep;

import java.util.List;

/**
 * One step up, judged against decision-tables/autonomy-promotion.dmn: met only when the table
 * defines the step and every criterion is met.
 *
 * @param to       the level or environment asked for; {@code fromStep}/{@code toStep} as the table saw them
 */
public record StepEvidence(PromotionStep.Change change, String to, String fromStep, String toStep, boolean met,
                           List<CriterionResult> criteria, List<Evaluation.Firing> firings, List<String> errors,
                           String policyVersion, String criteriaVersion) {

    public List<CriterionResult> unmet() {
        return criteria.stream().filter(c -> !c.met()).toList();
    }
}
