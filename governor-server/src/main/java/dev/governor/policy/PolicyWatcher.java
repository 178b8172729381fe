package dev.governor.policy;

import dev.governor.GovernorConfig;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Optional directory watch ({@code governor.policy.watch=true}): polls the content hash of the
 * policy files rather than using file-system events, which are unreliable on network and container
 * mounts. Debounced: a change is loaded only once the files have looked the same for one whole
 * interval (an editor saving in several steps is not loaded half-way), and a refused version is
 * tried once, not on every tick, until the files change again.
 */
@ApplicationScoped
public class PolicyWatcher {

    private final PolicyService policies;
    private final boolean enabled;
    private String lastSeen;
    private String lastTried;

    public PolicyWatcher(PolicyService policies, GovernorConfig config) {
        this.policies = policies;
        this.enabled = config.policy().watch();
    }

    @Scheduled(every = "${governor.policy.watch-interval:2s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    synchronized void tick() {
        if (!enabled) return;
        String seen;
        try {
            seen = policies.versionOnDisk();
        } catch (RuntimeException e) { // unreadable or over-size files: let a reload record why
            seen = "unreadable: " + e.getMessage();
        }
        boolean stable = seen.equals(lastSeen);
        lastSeen = seen;
        if (stable && !seen.equals(policies.current().version()) && !seen.equals(lastTried)) {
            lastTried = seen;
            policies.reload("watcher", PolicyLoad.Trigger.WATCH, true);
        }
    }
}
