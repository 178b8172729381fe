package dev.governor.autonomy;

import dev.governor.GovernorConfig;
import dev.governor.agent.AgentService;
import dev.governor.decision.TrackRecord;
import dev.governor.decision.TrackRecords;
import dev.governor.policy.DriftSignals;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Compares each active agent's recent record with its own baseline, on a schedule
 * ({@code governor.autonomy.drift-every}), and applies what decision-tables/drift-response.dmn
 * answers ({@link DriftResponder}). Tests call {@link #runNow()} instead of waiting.
 */
@ApplicationScoped
public class DriftJob {

    private static final Logger LOG = Logger.getLogger(DriftJob.class);
    private static final int PAGE = 200;

    private final AgentService agents;
    private final TrackRecords tracks;
    private final DriftResponder responder;
    private final Clock clock;
    private final Duration recent;
    private final Duration baseline;

    public DriftJob(AgentService agents, TrackRecords tracks, DriftResponder responder, Clock clock,
                    GovernorConfig config) {
        this.agents = agents;
        this.tracks = tracks;
        this.responder = responder;
        this.clock = clock;
        this.recent = config.autonomy().driftRecent();
        this.baseline = config.autonomy().driftBaseline();
    }

    @Scheduled(identity = "drift", every = "${governor.autonomy.drift-every:1h}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void run() {
        runNow();
    }

    /** @return what was done, one entry per agent the table did not answer NONE for */
    public List<DriftResponder.Applied> runNow() {
        List<DriftResponder.Applied> applied = new ArrayList<>();
        for (int page = 0; ; page++) {
            List<String> ids = agents.activeIds(page, PAGE);
            for (String id : ids) {
                try {
                    DriftResponder.Applied done = check(id);
                    if (done != null) applied.add(done);
                } catch (RuntimeException e) { // one agent's failure must not stop the others being watched
                    LOG.errorf(e, "drift check of agent %s failed", id);
                }
            }
            if (ids.size() < PAGE) return applied;
        }
    }

    /** One agent's part of a run; null when the table answered NONE. */
    public DriftResponder.Applied check(String agentId) {
        return responder.respond(agentId, signals(agentId, false));
    }

    /** The agent's signals now: its recent window against the baseline window before it. */
    public DriftSignals signals(String agentId, boolean incident) {
        Instant now = clock.instant();
        Instant split = now.minus(recent);
        TrackRecord r = tracks.of(agentId, split, now);
        TrackRecord b = tracks.of(agentId, split.minus(baseline), split);
        Double denyNow = Evidence.rate(r.outcomesByVerdict().getOrDefault("DENY", 0L), r.decisions());
        Double denyBefore = Evidence.rate(b.outcomesByVerdict().getOrDefault("DENY", 0L), b.decisions());
        return new DriftSignals(Divergence.jensenShannon(r.actionTypes(), b.actionTypes()),
                denyNow == null || denyBefore == null ? null : denyNow - denyBefore,
                Evidence.rate(r.confirmedRolledBack(), r.outcomesConfirmed()), Evidence.rate(r.outcomesDisputed(), r.outcomesClaimed()),
                incident);
    }
}
