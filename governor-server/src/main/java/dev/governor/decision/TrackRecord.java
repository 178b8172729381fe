package dev.governor.decision;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What an agent did over [since, until): counts, with up to 20 decision ids behind each non-zero
 * count ({@code examples}, keyed by the field's name, e.g. {@code "outcomesDisputed"}).
 * Decisions recorded before Governor kept whether they were mutations count in no mutation figure.
 *
 * @param decisions          all decisions of the agent in the window
 * @param mutationsAllowed   ALLOW decisions on mutating actions
 * @param outcomesClaimed    ALLOWed decisions with at least one outcome report
 * @param outcomesConfirmed  ... whose latest review is CONFIRMED (human or verifier)
 * @param outcomesDisputed   ... whose latest review is DISPUTED
 * @param confirmedSucceeded among confirmed, by latest reported status (also failed, rolled back)
 * @param incidents          outcome reports with incident=true
 * @param outcomesMissing    OUTCOME_MISSING flags
 * @param humanReviewed      RECOMMEND/REQUIRE_APPROVAL decisions with a recorded human action
 *                           (or an approval verdict)
 * @param humanAgreed        ... of which the latest human action is ACCEPTED (approved = ACCEPTED)
 * @param actionTypes        decisions per action type
 * @param outcomesByVerdict  decisions per outcome ALLOW/DENY/REQUIRE_APPROVAL/RECOMMEND
 */
public record TrackRecord(String agentId, Instant since, Instant until,
                          long decisions,
                          long mutationsAllowed,
                          long outcomesClaimed,
                          long outcomesConfirmed,
                          long outcomesDisputed,
                          long confirmedSucceeded, long confirmedFailed, long confirmedRolledBack,
                          long incidents,
                          long outcomesMissing,
                          long humanReviewed,
                          long humanAgreed,
                          Map<String, Long> actionTypes,
                          Map<String, Long> outcomesByVerdict,
                          Map<String, List<UUID>> examples) {

    /** How many decision ids stand behind each count at most. */
    public static final int EXAMPLES = 20;
}
