package dev.governor.policy;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * Recorded decisions as replay needs them. The decision package owns the records and implements
 * this, so the policy package does not depend on it.
 */
public interface RecordedDecisions {

    /**
     * @param outcome            the answer it was given
     * @param policyVerdict      the policy's verdict before any approval effect; null when unknown
     *                           (recorded before both were kept, for a request naming an approval)
     * @param reasonCodes        the answer's reason codes
     * @param factsJson          the exact {@code EvaluationInput} it was evaluated on, or null for
     *                           decisions recorded before facts were stored (they cannot be replayed)
     * @param namedAuthority     whether the request named an approval or a plan step
     */
    record Replayable(UUID id, String agentId, String actionType, String outcome, String policyVerdict,
                      List<String> reasonCodes, String factsJson, OffsetDateTime decidedAt, boolean namedAuthority) {
    }

    /** The {@code limit} most recent decisions, newest first. */
    List<Replayable> latest(int limit);

    /** Decisions with {@code from <= decidedAt < to}, newest first, at most {@code limit}. */
    List<Replayable> between(OffsetDateTime from, OffsetDateTime to, int limit);
}
