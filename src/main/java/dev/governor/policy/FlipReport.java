package dev.governor.policy;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * What would change if the candidate policy had been in force: recorded outcome versus the
 * candidate's outcome on the same facts.
 *
 * @param replayed  decisions evaluated against the candidate
 * @param unchanged of those, how many kept their outcome
 * @param skipped   decisions that could not be replayed (recorded without facts)
 * @param flips     outcome changes by (from, to), most frequent first
 */
public record FlipReport(String candidateVersion, String liveVersion, int replayed, int unchanged, int skipped,
                         List<Flip> flips, List<Group> byAgent, List<Group> byActionType, List<Example> examples,
                         List<PolicyLoadException.Problem> candidateWarnings) {

    public record Flip(Outcome from, Outcome to, int count) {
    }

    /** @param flipped how many of this agent's (or action type's) replayed decisions changed outcome */
    public record Group(String key, int replayed, int flipped) {
    }

    public record Example(UUID decisionId, OffsetDateTime decidedAt, String agentId, String actionType,
                          Outcome from, Outcome to, List<String> fromReasons, List<Evaluation.Reason> toReasons) {
    }
}
