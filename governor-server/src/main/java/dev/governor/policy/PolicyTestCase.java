package dev.governor.policy;

import java.util.List;

/**
 * One scenario from {@code policy-tests/*.yaml}: a request and what the policy must answer.
 *
 * @param file      the YAML file the case came from, for failure messages
 * @param planSteps when not empty, a plan to weigh (each step's facts); {@code expect} is then
 *                  about the plan: its outcome and its own reasons
 */
public record PolicyTestCase(String file, String name, EvaluationInput input, Expectation expect,
                             List<EvaluationInput> planSteps) {

    public PolicyTestCase {
        planSteps = planSteps == null ? List.of() : List.copyOf(planSteps);
    }

    public PolicyTestCase(String file, String name, EvaluationInput input, Expectation expect) {
        this(file, name, input, expect, List.of());
    }

    /**
     * Only {@code outcome} is required; every other part is checked only when given.
     *
     * @param reasons       reason codes that must be present
     * @param absentReasons reason codes that must not be present
     * @param sources       reason sources ({@code file#rule-or-row}) that must be present
     * @param approvalTtl   the approval time to live decision-tables/approval-ttl.dmn must give
     * @param verdict       the policy's verdict before any approval or plan step (outcome is the answer)
     * @param effects       exactly the effects the answer must ask for (null: not checked)
     * @param fired         rules that must have fired, as {@code file#rule} ({@code rules/approvals.drl#approval-pending})
     */
    public record Expectation(Outcome outcome, Reversibility reversibility, BlastRadius blastRadius,
                              List<String> reasons, List<String> absentReasons, List<String> sources,
                              java.time.Duration approvalTtl, Outcome verdict, List<Effect> effects,
                              List<String> fired) {
        public Expectation {
            reasons = reasons == null ? List.of() : List.copyOf(reasons);
            absentReasons = absentReasons == null ? List.of() : List.copyOf(absentReasons);
            sources = sources == null ? List.of() : List.copyOf(sources);
            effects = effects == null ? null : List.copyOf(effects);
            fired = fired == null ? List.of() : List.copyOf(fired);
        }

        public Expectation(Outcome outcome, Reversibility reversibility, BlastRadius blastRadius,
                           List<String> reasons, List<String> absentReasons, List<String> sources,
                           java.time.Duration approvalTtl) {
            this(outcome, reversibility, blastRadius, reasons, absentReasons, sources, approvalTtl, null, null, List.of());
        }

        public Expectation(Outcome outcome, Reversibility reversibility, BlastRadius blastRadius,
                           List<String> reasons, List<String> absentReasons, List<String> sources) {
            this(outcome, reversibility, blastRadius, reasons, absentReasons, sources, null, null, null, List.of());
        }
    }
}
