package dev.governor.compliance;

import dev.governor.agent.AgentGrants;
import dev.governor.approval.ApprovalService;
import dev.governor.audit.Checkpoint;
import dev.governor.breakglass.ExceptionService;
import dev.governor.audit.Checkpoints;
import dev.governor.decision.DecisionStats;
import dev.governor.freeze.HaltService;
import dev.governor.freeze.ScopedHaltService;
import dev.governor.api.PageRequest;
import dev.governor.policy.PolicyLoad;
import dev.governor.policy.PolicyLoadLog;
import dev.governor.policy.PolicyService;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The live evidence a compliance report shows, read when it is asked for: what Governor did in
 * the window, and the state of its controls now. A figure Governor cannot know is null (with a
 * note), never a reassuring zero.
 */
@ApplicationScoped
public class ComplianceEvidence {

    static final Set<String> KEYS = Set.of("decisions", "approvals", "irreversibleSignOff", "auditChain", "policy",
            "orphanedAgents", "halts", "exceptions");

    private final DecisionStats decisions;
    private final ApprovalService approvals;
    private final Checkpoints checkpoints;
    private final PolicyService policy;
    private final PolicyLoadLog loads;
    private final AgentGrants agents;
    private final HaltService halt;
    private final ScopedHaltService scopedHalts;
    private final ExceptionService exceptions;
    private final Clock clock;

    public ComplianceEvidence(DecisionStats decisions, ApprovalService approvals, Checkpoints checkpoints,
                              PolicyService policy, PolicyLoadLog loads, AgentGrants agents, HaltService halt,
                              ScopedHaltService scopedHalts, ExceptionService exceptions, Clock clock) {
        this.exceptions = exceptions;
        this.decisions = decisions;
        this.approvals = approvals;
        this.checkpoints = checkpoints;
        this.policy = policy;
        this.loads = loads;
        this.agents = agents;
        this.halt = halt;
        this.scopedHalts = scopedHalts;
        this.clock = clock;
    }

    /** Every key of {@link #KEYS}, over the window ending now. */
    public Map<String, Object> gather(Duration window) {
        OffsetDateTime from = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC).minus(window);
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("decisions", Map.of("byOutcome", decisions.outcomesSince(from)));
        e.put("approvals", Map.of("byStatus", approvals.statusesSince(from)));
        e.put("irreversibleSignOff", decisions.irreversibleSignOffSince(from));
        Checkpoint last = checkpoints.latest().orElse(null);
        Map<String, Object> chain = new LinkedHashMap<>();
        chain.put("lastCheckpoint", last == null ? null : Map.of("seq", last.seq(), "at", last.at(), "keyId", last.keyId()));
        chain.put("verification", "run GET /v1/audit/verify (auditor); its result is not stored, so it is not shown here");
        e.put("auditChain", chain);
        List<PolicyLoad> latest = loads.list(PageRequest.of("0", "1"));
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("version", policy.current().version());
        p.put("lastLoad", latest.isEmpty() ? null : Map.of("outcome", latest.get(0).outcome(), "trigger",
                latest.get(0).trigger(), "tests", String.valueOf(latest.get(0).tests()), "at", latest.get(0).attemptedAt()));
        e.put("policy", p);
        e.put("orphanedAgents", agents.orphans().size());
        e.put("halts", Map.of("global", halt.inForce().isPresent(),
                "scopedInForce", scopedHalts.countInForce()));
        e.put("exceptions", Map.of("open", exceptions.countInForce(),
                "note", "break-glass exceptions in force now (GET /v1/exceptions?active=true)"));
        return e;
    }
}
