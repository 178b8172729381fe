package dev.governor.identity;

import dev.governor.GovernorConfig;
import dev.governor.audit.AuditEvent;
import dev.governor.audit.AuditKind;
import dev.governor.audit.AuditTrail;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What a refusal for going too fast leaves behind: the Micrometer counter
 * {@code governor_throttled_total{reason}} on every refusal, and for a throttled agent one
 * {@code AGENT_THROTTLED} audit record per {@code governor.auth.throttle-audit-window}, which
 * counts the refusals since the agent's previous record. One record per window, not per
 * refusal: a flooding agent must not be able to flood the audit chain (every append takes its
 * lock). In memory per instance, like the limits themselves.
 */
@ApplicationScoped
public class Throttles {

    /** {@code reason} tag values. */
    public static final String DECISION_RATE = "decision-rate-limit";
    public static final String APPROVAL_WAITS = "approval-wait-cap";

    private static final Logger LOG = Logger.getLogger(Throttles.class);

    private final MeterRegistry registry;
    private final AuditTrail audit;
    private final Clock clock;
    private final Duration window;
    private final GovernorConfig.Auth limits;
    private final Map<String, Window> windows = new ConcurrentHashMap<>();

    public Throttles(MeterRegistry registry, AuditTrail audit, Clock clock, GovernorConfig config) {
        this.registry = registry;
        this.audit = audit;
        this.clock = clock;
        this.window = config.auth().throttleAuditWindow();
        this.limits = config.auth();
    }

    /**
     * @param claimed a refusal of this window writes (or wrote) its record; false again after a failed write
     * @param refused refusals not yet counted in a written record
     */
    private record Window(Instant start, boolean claimed, long refused) {
    }

    /** The payload of an {@code AGENT_THROTTLED} record. */
    public record Throttled(String agentId, String reason, Instant windowStart, String window,
                            long refusedSinceLastRecord, long retryAfterSeconds, int decisionsPerSecond,
                            int decisionsBurst) {
    }

    /** Counts a refusal that was not about an agent's decisions (e.g. too many long-polls). */
    public void count(String reason) {
        Counter.builder("governor.throttled").description("Requests refused with 429 for going too fast")
                .tag("reason", reason).register(registry).increment();
    }

    /**
     * Counts a refused decision and, if this agent has no record in the current window yet,
     * appends one. A record that cannot be written is logged and tried again at the next refusal:
     * the caller is refused (429) either way, nothing was carried out.
     */
    public void decisionRefused(String agentId, long retryAfterSeconds) {
        count(DECISION_RATE);
        Instant now = clock.instant();
        long[] toRecord = {0};
        Instant[] start = {now};
        // Atomic per agent: of many refusals at once, exactly one claims the window's record.
        windows.compute(agentId, (id, old) -> {
            long refused = old == null ? 1 : old.refused() + 1;
            boolean fresh = old == null || !now.isBefore(old.start().plus(window));
            start[0] = fresh ? now : old.start();
            if (fresh || !old.claimed()) toRecord[0] = refused;
            return new Window(start[0], true, refused);
        });
        if (toRecord[0] == 0) return;
        try {
            audit.append(new AuditEvent(AuditKind.AGENT_THROTTLED, agentId, agentId, new Throttled(agentId,
                    DECISION_RATE, start[0], window.toString(), toRecord[0], retryAfterSeconds,
                    limits.decisionsPerSecond(), limits.decisionsBurst())));
            windows.computeIfPresent(agentId, (id, w) -> new Window(w.start(), true, w.refused() - toRecord[0]));
        } catch (RuntimeException e) {
            windows.computeIfPresent(agentId, (id, w) -> new Window(w.start(), false, w.refused()));
            LOG.warnf("Could not record the throttling of agent %s in the audit log (tried again at its next"
                    + " refusal): %s", agentId, e.getMessage());
        }
    }
}
