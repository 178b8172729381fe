package dev.governor.policy;

import java.util.List;

/**
 * One scenario from {@code policy-tests/*.yaml}: a request and what the policy must answer.
 *
 * @param file the YAML file the case came from, for failure messages
 */
public record PolicyTestCase(String file, String name, EvaluationInput input, Expectation expect) {

    /**
     * Only {@code outcome} is required; every other part is checked only when given.
     *
     * @param reasons       reason codes that must be present
     * @param absentReasons reason codes that must not be present
     * @param sources       reason sources ({@code file#rule-or-row}) that must be present
     * @param approvalTtl   the approval time to live decision-tables/approval-ttl.dmn must give
     */
    public record Expectation(Outcome outcome, Reversibility reversibility, BlastRadius blastRadius,
                              List<String> reasons, List<String> absentReasons, List<String> sources,
                              java.time.Duration approvalTtl) {
        public Expectation {
            reasons = reasons == null ? List.of() : List.copyOf(reasons);
            absentReasons = absentReasons == null ? List.of() : List.copyOf(absentReasons);
            sources = sources == null ? List.of() : List.copyOf(sources);
        }

        public Expectation(Outcome outcome, Reversibility reversibility, BlastRadius blastRadius,
                           List<String> reasons, List<String> absentReasons, List<String> sources) {
            this(outcome, reversibility, blastRadius, reasons, absentReasons, sources, null);
        }
    }
}
