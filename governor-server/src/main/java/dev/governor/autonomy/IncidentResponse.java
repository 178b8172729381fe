package dev.governor.autonomy;

import dev.governor.decision.OutcomeClaimed;
import dev.governor.decision.OutcomeStatus;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import org.jboss.logging.Logger;

/**
 * An outcome reported ROLLED_BACK with {@code incident: true} does not wait for the drift job:
 * once the claim has committed, the drift table is consulted for the agent with the incident set,
 * and its answer (as shipped, SUSPEND) is applied.
 */
@ApplicationScoped
public class IncidentResponse {

    private static final Logger LOG = Logger.getLogger(IncidentResponse.class);

    private final DriftJob drift;
    private final DriftResponder responder;

    public IncidentResponse(DriftJob drift, DriftResponder responder) {
        this.drift = drift;
        this.responder = responder;
    }

    void onCommit(@Observes(during = TransactionPhase.AFTER_SUCCESS) OutcomeClaimed claimed) {
        if (claimed.outcome().status() != OutcomeStatus.ROLLED_BACK || !claimed.outcome().incident()) return;
        try {
            // After commit the claim's transaction is finished but still on this thread: start a new one.
            QuarkusTransaction.requiringNew().run(() ->
                    responder.respond(claimed.agentId(), drift.signals(claimed.agentId(), true)));
        } catch (RuntimeException e) { // the claim stands; the drift job will look again on its next run
            LOG.errorf(e, "could not apply the incident response to agent %s", claimed.agentId());
        }
    }
}
