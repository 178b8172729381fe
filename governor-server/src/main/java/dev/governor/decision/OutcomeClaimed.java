package dev.governor.decision;

/**
 * Fired in the transaction that stored a claim; after it commits the verifier is asked, and an
 * incident is answered at once by the drift table (autonomy's IncidentResponse).
 */
public record OutcomeClaimed(ReportedOutcome outcome, String agentId) {
}
