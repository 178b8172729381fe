package dev.governor.decision;

import dev.governor.audit.ChainHash;

import java.util.UUID;

/**
 * Reviews and human actions in the one form their audit records bind: every column, times as the
 * chain writes them. A DISPUTED edited into a CONFIRMED must show: reviews are evidence too.
 */
final class ReviewForms {

    static final String REVIEW = "outcome-review";
    static final String HUMAN_ACTION = "human-action";

    private ReviewForms() {
    }

    record Review(UUID reviewId, UUID decisionId, int seq, String verdict, String actor, String comment,
                  String reviewedAt) {
        static Review of(ReviewEntity e) {
            return new Review(e.id, e.decisionId, e.seq, e.verdict.name(), e.actor, e.comment,
                    ChainHash.formatAt(e.reviewedAt.toInstant()));
        }
    }

    record Action(UUID humanActionId, UUID decisionId, int seq, String action, String source, String actionTaken,
                  String actor, String comment, String actedAt) {
        static Action of(HumanActionEntity e) {
            return new Action(e.id, e.decisionId, e.seq, e.action.name(), e.source.name(), e.actionTakenJson, e.actor,
                    e.comment, ChainHash.formatAt(e.actedAt.toInstant()));
        }
    }
}
