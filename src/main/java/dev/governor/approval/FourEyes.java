package dev.governor.approval;

import dev.governor.GovernorConfig;
import dev.governor.identity.Caller;
import dev.governor.policy.Reversibility;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import java.util.UUID;

/**
 * Four eyes: the agent's accountable owner may not approve its requests — for irreversible
 * actions by default ({@code governor.auth.four-eyes}). A plan approval counts as irreversible:
 * a plan only needs a human when one of its steps does, and the plan is approved as a whole.
 */
@ApplicationScoped
class FourEyes {

    private final GovernorConfig config;
    private final EntityManager em;

    FourEyes(GovernorConfig config, EntityManager em) {
        this.config = config;
        this.em = em;
    }

    void check(ApprovalEntity approval, String owner, String approver) {
        GovernorConfig.Auth.FourEyes mode = config.auth().fourEyes();
        if (mode == GovernorConfig.Auth.FourEyes.OFF || owner == null || !owner.equalsIgnoreCase(approver)) return;
        if (mode == GovernorConfig.Auth.FourEyes.ALWAYS || irreversible(approval.decisionId)) {
            throw Caller.forbidden(approver + " owns agent " + approval.agentId
                    + "; four eyes: another approver must decide this request");
        }
    }

    private boolean irreversible(UUID decisionId) {
        if (decisionId == null) return true;
        Object value = em.createNativeQuery("SELECT reversibility FROM decisions WHERE id = :id")
                .setParameter("id", decisionId).getResultStream().findFirst().orElse(null);
        return value == null || Reversibility.IRREVERSIBLE.name().equals(value.toString());
    }
}
