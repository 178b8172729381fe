package dev.governor.decision;

import java.time.Instant;
import java.util.List;

/**
 * What {@code GET /v1/benchmarks} answers: per action class, agents against human operators.
 * A rate whose denominator is zero is null (unknown), never 0.
 *
 * @param classBy REVERSIBILITY (the class is the decision's reversibility), or ACTION_TYPE when
 *                an action type was asked for
 */
public record Benchmark(String window, Instant since, Instant until, String actionType, ClassBy classBy,
                        List<ActionClass> classes) {

    /** What the classes are: the decision's reversibility, or its action type. */
    public enum ClassBy { REVERSIBILITY, ACTION_TYPE }

    public record ActionClass(String actionClass, Figures agents, Figures humanOperators) {
    }

    /**
     * @param agreementRate    humanAgreed / humanReviewed (RECOMMEND and REQUIRE_APPROVAL decisions)
     * @param successRate      confirmedSucceeded / confirmed (outcome claims whose latest review is CONFIRMED)
     * @param rollbackRate     confirmedRolledBack / confirmed
     * @param medianSecondsToAct median seconds from an ALLOWed decision to its first outcome claim; null if none
     */
    public record Figures(long decisions, long humanReviewed, long humanAgreed, Double agreementRate,
                          long confirmed, long confirmedSucceeded, long confirmedRolledBack, Double successRate,
                          Double rollbackRate, long incidents, long claimed, Double medianSecondsToAct) {

        static final Figures NONE = new Figures(0, 0, 0, null, 0, 0, 0, null, null, 0, 0, null);
    }
}
