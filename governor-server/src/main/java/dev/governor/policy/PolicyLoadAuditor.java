package dev.governor.policy;

import dev.governor.audit.AuditEvent;
import dev.governor.audit.AuditKind;
import dev.governor.audit.AuditTrail;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/** Every policy load attempt, activated or rejected, joins the audit chain. */
@ApplicationScoped
public class PolicyLoadAuditor {

    private final AuditTrail trail;

    public PolicyLoadAuditor(AuditTrail trail) {
        this.trail = trail;
    }

    void on(@Observes PolicyLoad load) {
        trail.append(new AuditEvent(AuditKind.POLICY_LOADED, load.id().toString(), load.actor(), load));
    }
}
