package dev.governor.decision;

/** Fired in the transaction that stored a claim; the verifier is asked after it commits. */
record OutcomeClaimed(ReportedOutcome outcome) {
}
