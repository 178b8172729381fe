package dev.governor.grant;

import dev.governor.agent.Agent;
import dev.governor.agent.AgentService;
import dev.governor.decision.ActionUsage;
import dev.governor.policy.Grants;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Permission right-sizing: the agent's grants against the decisions it asked for. A decision a
 * grant "covered" is one the permission rules let through (no PERMISSION_NOT_GRANTED) whose action
 * type the grant matches; a decision matched by two grants counts for both.
 */
@ApplicationScoped
public class PermissionUsage {

    private final AgentService agents;
    private final ActionUsage usage;
    private final Clock clock;

    PermissionUsage(AgentService agents, ActionUsage usage, Clock clock) {
        this.agents = agents;
        this.usage = usage;
        this.clock = clock;
    }

    /** {@code window} as the query gave it (default P30D); 400 naming it when it is not a duration in range. */
    public UsageReport of(String agentId, String window) {
        Duration parsed = UsageWindow.parse(window);
        return of(agents.get(agentId), parsed, window == null || window.isEmpty() ? "P30D" : window);
    }

    UsageReport of(Agent agent, Duration window, String asGiven) {
        Instant since = clock.instant().minus(window).truncatedTo(java.time.temporal.ChronoUnit.MICROS);
        Map<String, Tally> covered = new TreeMap<>();
        Map<String, Tally> denied = new TreeMap<>();
        for (ActionUsage.Count c : usage.of(agent.id(), since)) {
            (c.permissionDenied() ? denied : covered).computeIfAbsent(c.actionType(), t -> new Tally()).add(c);
        }
        List<UsageReport.GrantUse> uses = new ArrayList<>();
        List<String> unused = new ArrayList<>();
        TreeSet<String> proposed = new TreeSet<>();
        for (String grant : agent.permissions()) {
            Tally total = new Tally();
            List<String> types = new ArrayList<>();
            covered.forEach((type, tally) -> {
                if (!Grants.coversType(grant, type)) return;
                total.add(tally);
                types.add(type);
                proposed.add(Grants.isWildcard(grant) ? Grants.needed(type) : grant);
            });
            if (total.count == 0) unused.add(grant);
            uses.add(new UsageReport.GrantUse(grant, total.count, total.last, types));
        }
        List<UsageReport.Denied> refused = new ArrayList<>();
        denied.forEach((type, tally) -> refused.add(new UsageReport.Denied(type, tally.count, tally.last)));
        Instant now = clock.instant();
        List<UsageReport.Expiry> expiries = agent.grantsUntil().entrySet().stream()
                .sorted(Map.Entry.<String, Instant>comparingByValue().thenComparing(Map.Entry.comparingByKey()))
                .map(e -> new UsageReport.Expiry(e.getKey(), e.getValue(), !now.isBefore(e.getValue()))).toList();
        return new UsageReport(agent.id(), asGiven, since, agent.permissions(), uses, unused, refused,
                List.copyOf(proposed), expiries);
    }

    private static final class Tally {
        long count;
        Instant last;

        void add(ActionUsage.Count c) {
            count += c.count();
            if (last == null || c.last().isAfter(last)) last = c.last();
        }

        void add(Tally t) {
            count += t.count;
            if (t.last != null && (last == null || t.last.isAfter(last))) last = t.last;
        }
    }
}
