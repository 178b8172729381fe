package dev.governor.policy;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * What would change if the candidate policy had been in force, compared like with like: the
 * recorded answer with the candidate's answer on the same facts (the top-level counts, as
 * before), and the recorded policy verdict (before any approval effect) with the candidate's
 * verdict ({@code verdict}).
 *
 * @param replayed  decisions whose answer was compared with the candidate's
 * @param unchanged of those, how many kept their answer
 * @param skipped   decisions that could not be replayed (recorded without facts, or without the
 *                  approval or plan step they named)
 * @param flips     answer changes by (from, to), most frequent first
 * @param verdict   the same comparison for the policy's verdict
 */
public record FlipReport(String candidateVersion, String liveVersion, int replayed, int unchanged, int skipped,
                         List<Flip> flips, List<Group> byAgent, List<Group> byActionType, List<Example> examples,
                         List<PolicyLoadException.Problem> candidateWarnings, Comparison verdict) {

    public record Flip(Outcome from, Outcome to, int count) {
    }

    /** @param flipped how many of this agent's (or action type's) replayed decisions changed answer or verdict */
    public record Group(String key, int replayed, int flipped) {
    }

    /** The policy verdicts compared: {@code skipped} were recorded without one. */
    public record Comparison(int replayed, int unchanged, int skipped, List<Flip> flips) {
    }

    /** A decision whose answer or verdict flipped; the verdict fields are null where unknown. */
    public record Example(UUID decisionId, OffsetDateTime decidedAt, String agentId, String actionType,
                          Outcome from, Outcome to, List<String> fromReasons, List<Evaluation.Reason> toReasons,
                          Outcome verdictFrom, Outcome verdictTo) {
    }
}
