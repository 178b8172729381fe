package dev.governor.approval;

import dev.governor.GovernorConfig;
import dev.governor.identity.Caller;
import dev.governor.policy.Reversibility;
import jakarta.enterprise.context.ApplicationScoped;


/**
 * Four eyes: the agent's accountable owner may not approve its requests — for irreversible
 * actions by default ({@code governor.auth.four-eyes}). A plan approval counts as irreversible:
 * a plan only needs a human when one of its steps does, and the plan is approved as a whole.
 */
@ApplicationScoped
class FourEyes {

    private final GovernorConfig config;

    FourEyes(GovernorConfig config) {
        this.config = config;
    }

    void check(ApprovalEntity approval, String owner, String approver) {
        GovernorConfig.Auth.FourEyes mode = config.auth().fourEyes();
        if (mode == GovernorConfig.Auth.FourEyes.OFF || owner == null || !owner.equalsIgnoreCase(approver)) return;
        if (mode == GovernorConfig.Auth.FourEyes.ALWAYS || irreversible(approval)) {
            throw Caller.forbidden(approver + " owns agent " + approval.agentId
                    + "; four eyes: another approver must decide this request");
        }
    }

    /** A plan's approval, or one whose action's reversibility is not known, counts as irreversible. */
    private static boolean irreversible(ApprovalEntity approval) {
        return approval.planId != null || approval.reversibility == null
                || Reversibility.IRREVERSIBLE.name().equals(approval.reversibility);
    }
}
