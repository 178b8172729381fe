package dev.governor.decision;

import dev.governor.audit.ChainHash;

import java.util.UUID;

/**
 * An outcome report in the one form its audit record binds: every column of
 * {@code decision_outcomes}, the time as the chain writes it. Outcomes are the evidence autonomy
 * is earned on, so a SUCCEEDED edited over a ROLLED_BACK must show.
 */
record OutcomeForm(UUID outcomeId, UUID decisionId, String status, boolean incident, String detail, String reportedAt) {

    static final String KIND = "outcome";

    static OutcomeForm of(OutcomeEntity e) {
        return new OutcomeForm(e.id, e.decisionId, e.status.name(), e.incident, e.detail,
                ChainHash.formatAt(e.reportedAt.toInstant()));
    }
}
