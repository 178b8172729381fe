package dev.governor.policy;

import java.util.List;

/**
 * The policy engine behind an interface: the rest of Governor never sees Drools or DMN.
 * Implementations compile once and evaluate many times; {@link #evaluate} must be cheap,
 * thread-safe, must not read files, and must never throw.
 */
public interface PolicyEngine {

    Evaluation evaluate(EvaluationInput input);

    /** Every step evaluated as a decision, and the plan weighed as a whole; never throws. */
    PlanEvaluation evaluatePlan(List<EvaluationInput> steps);

    /** What decision-tables/autonomy-promotion.dmn asks for one step up; never throws (undefined on failure). */
    PromotionCriteria promotionCriteria(PromotionStep step);

    /** What decision-tables/drift-response.dmn answers to an agent's signals; never throws (ALERT on failure). */
    DriftResponse driftResponse(DriftSignals signals);

    /**
     * The period within which an ALLOWed mutation's outcome must be reported; the environment's
     * tier is read from environments.dmn. Never throws: a failure is an unknown period with its error.
     */
    default OutcomeDeadline outcomeDeadline(String actionType, String environment, Reversibility reversibility) {
        return OutcomeDeadline.unknown("this policy engine has no outcome deadlines");
    }

    /**
     * Whether decision-tables/exceptions.dmn lets a break-glass exception lift this reason code,
     * and for how long at most. Never throws: a failure is not liftable, with its error.
     */
    default ExceptionLimit exceptionLimit(String reasonCode) {
        return ExceptionLimit.unknown(reasonCode, "this policy engine has no exception limits");
    }

    /**
     * How long a credential issued now to an agent at this level may live, and when its end is
     * announced (decision-tables/key-lifetimes.dmn). Never throws: a failure is an unknown lifetime.
     */
    default KeyLifetime keyLifetime(KeyLifetime.Credential credential, AutonomyLevel level) {
        return KeyLifetime.unknown("this policy engine has no key lifetimes");
    }

    /** The policy version in force: what was loaded, when, and its content hash. */
    PolicySnapshot current();
}
