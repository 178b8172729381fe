package dev.governor.policy;

import java.util.Arrays;
import java.util.Optional;

/**
 * What {@code decision-tables/autonomy-promotion.dmn} may ask of an agent's record: the names its
 * {@code criterion} column may hold. Each is computed from the agent's own decisions, outcomes and
 * the human actions on them, over the row's window; a rate with nothing to divide by is unknown.
 * There is deliberately no metric of elapsed time: waiting earns an agent nothing.
 */
public enum EvidenceMetric {
    DECISIONS("decisions", "decisions in the window"),
    AGREEMENT_RATE("agreementRate", "share of the decisions a human acted on where the human accepted the agent's proposal"),
    FAILURE_RATE("failureRate", "share of confirmed outcomes that FAILED"),
    ROLLBACK_RATE("rollbackRate", "share of confirmed outcomes that were ROLLED_BACK"),
    INCIDENTS("incidents", "outcomes reported with incident: true"),
    OUTCOME_COVERAGE("outcomeCoverage", "confirmed outcomes per allowed mutation"),
    DISPUTE_RATE("disputeRate", "share of outcome claims a person or the verifier disputed"),
    MISSING_OUTCOMES("missingOutcomes", "allowed mutations flagged OUTCOME_MISSING"),
    DRIFT_SCORE("driftScore", "Jensen-Shannon divergence of the recent action mix from the agent's baseline (0 to 1)");

    private final String key;
    private final String meaning;

    EvidenceMetric(String key, String meaning) {
        this.key = key;
        this.meaning = meaning;
    }

    /** The name in the table and in API answers, e.g. {@code agreementRate}. */
    public String key() {
        return key;
    }

    public String meaning() {
        return meaning;
    }

    public static Optional<EvidenceMetric> byKey(String key) {
        return Arrays.stream(values()).filter(m -> m.key.equals(key)).findFirst();
    }
}
