package dev.governor.autonomy;

import dev.governor.GovernorConfig;
import dev.governor.agent.AgentLevelChanges;
import dev.governor.agent.AgentService;
import dev.governor.agent.LevelChange;
import dev.governor.audit.AuditEvent;
import dev.governor.audit.AuditKind;
import dev.governor.audit.AuditTrail;
import dev.governor.policy.DriftResponse;
import dev.governor.policy.DriftSignals;
import dev.governor.policy.PolicyEngine;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Applies the drift table's answer for one agent: ALERT is recorded (and the owner told), DEMOTE
 * lowers one level, SUSPEND suspends. At most one automatic demotion per recent window: the next
 * needs evidence gathered after it, so one bad week costs one level, not one per run.
 */
@ApplicationScoped
public class DriftResponder {

    /** What was done for an agent, and why. */
    public record Applied(String agentId, DriftResponse.Response response, String source, String message,
                          DriftSignals signals) {
    }

    private final PolicyEngine policy;
    private final AgentService agents;
    private final AgentLevelChanges levelChanges;
    private final AuditTrail audit;
    private final OwnerNotices notices;
    private final Clock clock;
    private final Duration recent;

    public DriftResponder(PolicyEngine policy, AgentService agents, AgentLevelChanges levelChanges, AuditTrail audit,
                          OwnerNotices notices, Clock clock, GovernorConfig config) {
        this.levelChanges = levelChanges;
        this.policy = policy;
        this.agents = agents;
        this.audit = audit;
        this.notices = notices;
        this.clock = clock;
        this.recent = config.autonomy().driftRecent();
    }

    /** @return null when the table answered NONE */
    @Transactional
    public Applied respond(String agentId, DriftSignals signals) {
        DriftResponse answer = policy.driftResponse(signals);
        if (answer.response() == DriftResponse.Response.NONE) return null;
        DriftResponse.Response done = answer.response();
        Map<String, Object> numbers = numbers(signals, answer);
        switch (answer.response()) {
            case SUSPEND -> {
                if (!agents.get(agentId).suspended()) {
                    agents.suspend(agentId, "drift: " + answer.message() + " (" + answer.source() + ")", AuditEvent.SYSTEM);
                }
            }
            case DEMOTE -> {
                if (demotedRecently(agentId) || levelChanges.demote(agentId, answer.message(), answer.source(), numbers).isEmpty()) {
                    done = DriftResponse.Response.ALERT; // nothing lower, or already stepped down on this evidence
                }
            }
            default -> {
            }
        }
        if (done == DriftResponse.Response.ALERT) {
            audit.append(new AuditEvent(AuditKind.AGENT_DRIFT_ALERT, agentId, AuditEvent.SYSTEM, numbers));
        }
        Applied applied = new Applied(agentId, done, answer.source(), answer.message(), signals);
        notices.drift(agents.get(agentId), applied);
        return applied;
    }

    private boolean demotedRecently(String agentId) {
        Instant since = clock.instant().minus(recent);
        return levelChanges.levels(agentId).stream()
                .anyMatch(l -> l.kind() == LevelChange.Kind.DEMOTED && l.changedAt().isAfter(since));
    }

    private static Map<String, Object> numbers(DriftSignals s, DriftResponse answer) {
        Map<String, Object> n = new LinkedHashMap<>();
        n.put("driftScore", s.driftScore());
        n.put("denyRateIncrease", s.denyRateIncrease());
        n.put("rollbackRate", s.rollbackRate());
        n.put("disputeRate", s.disputeRate());
        n.put("incident", s.incident());
        n.put("response", answer.response().name());
        n.put("source", answer.source());
        n.put("message", answer.message());
        n.put("policyVersion", answer.policyVersion());
        return n;
    }
}
