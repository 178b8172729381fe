package dev.governor.decision;

import dev.governor.api.ApiException;
import dev.governor.audit.AuditEvent;
import dev.governor.audit.AuditKind;
import dev.governor.audit.AuditTrail;
import dev.governor.policy.Outcome;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

/**
 * Records what an agent claims happened after an ALLOWed decision (409 for any other). Reports
 * are kept as history (a SUCCEEDED later followed by ROLLED_BACK tells the real story), never
 * replaced; humans or the verifier confirm or dispute them ({@link OutcomeReviews}).
 */
@ApplicationScoped
public class OutcomeService {

    private final DecisionRepository decisions;
    private final OutcomeRepository outcomes;
    private final AuditTrail audit;
    private final Clock clock;
    private final OutcomeBindings bindings;
    private final Event<OutcomeClaimed> claimed;

    public OutcomeService(DecisionRepository decisions, OutcomeRepository outcomes, AuditTrail audit, Clock clock,
                          OutcomeBindings bindings, Event<OutcomeClaimed> claimed) {
        this.claimed = claimed;
        this.bindings = bindings;
        this.decisions = decisions;
        this.outcomes = outcomes;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public ReportedOutcome report(UUID decisionId, OutcomeRequest request) {
        DecisionEntity decision = decisions.findByIdOptional(decisionId)
                .orElseThrow(() -> ApiException.notFound("decision", decisionId));
        if (!Outcome.ALLOW.name().equals(decision.outcome)) {
            // A claim is evidence an agent did what it was allowed to; there is nothing to claim on
            // a DENY, and a REQUIRE_APPROVAL's action runs under the later decision that used the approval.
            throw ApiException.conflict("decision " + decisionId + " was " + decision.outcome
                    + ", not ALLOW: an outcome is claimed only for an ALLOWed action");
        }
        OutcomeEntity outcome = new OutcomeEntity();
        outcome.id = UUID.randomUUID();
        outcome.decisionId = decisionId;
        outcome.status = request.status();
        outcome.incident = Boolean.TRUE.equals(request.incident());
        outcome.detail = request.detail();
        outcome.reportedAt = clock.instant().truncatedTo(ChronoUnit.MICROS).atOffset(ZoneOffset.UTC);
        outcomes.persist(outcome);
        outcomes.flush();
        ReportedOutcome report = outcome.toReport();
        // Reported on behalf of the decision's agent; the auth issue will record the caller instead.
        audit.append(new AuditEvent(AuditKind.DECISION_OUTCOME, decisionId.toString(), decision.agentId, report,
                List.of(bindings.of(outcome))));
        claimed.fire(new OutcomeClaimed(report, decision.agentId));
        return report;
    }
}
