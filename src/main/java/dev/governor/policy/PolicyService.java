package dev.governor.policy;

import dev.governor.GovernorConfig;
import dev.governor.policy.engine.KiePolicyEngine;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The {@link PolicyEngine} other beans inject. Compiles the policy directories eagerly at
 * start-up, so a broken policy stops Governor from starting with a message naming the file and
 * line or row. {@link #reload()} swaps in a new version atomically; if the new files do not
 * compile, the last good version stays in force.
 */
@Startup
@ApplicationScoped
public class PolicyService implements PolicyEngine {

    private static final Logger LOG = Logger.getLogger(PolicyService.class);

    private final Path rulesDir;
    private final Path tablesDir;
    private final AtomicReference<PolicyEngine> active;

    public PolicyService(GovernorConfig config) {
        this.rulesDir = Path.of(config.policy().rulesDir());
        this.tablesDir = Path.of(config.policy().tablesDir());
        this.active = new AtomicReference<>(load());
        LOG.infof("policy %s loaded from %s and %s (%d files)", active.get().current().version(),
                rulesDir.toAbsolutePath(), tablesDir.toAbsolutePath(), active.get().current().files().size());
    }

    @Override
    public Evaluation evaluate(EvaluationInput input) {
        return active.get().evaluate(input);
    }

    @Override
    public PolicySnapshot current() {
        return active.get().current();
    }

    /**
     * Recompiles the policy files and makes them the version in force.
     *
     * @return the new version
     * @throws PolicyLoadException when the files do not compile; the previous version stays active
     */
    public synchronized PolicySnapshot reload() {
        PolicyEngine next = load();
        active.set(next);
        LOG.infof("policy reloaded: %s", next.current().version());
        return next.current();
    }

    private PolicyEngine load() {
        return KiePolicyEngine.load(rulesDir, tablesDir);
    }
}
