package dev.governor.policy;

import dev.governor.GovernorConfig;
import dev.governor.policy.PolicyLoadException.Problem;
import dev.governor.policy.engine.KiePolicyEngine;
import dev.governor.policy.engine.LoadLimits;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import org.jboss.logging.Logger;

import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The {@link PolicyEngine} other beans inject. Compiles the policy directories eagerly at
 * start-up, so a broken policy stops Governor from starting with a message naming the file and
 * line or row. {@link #reload} compiles and checks the files off to the side and swaps the new
 * version in with one reference write; every evaluation reads that reference once, so no decision
 * sees two versions. If the new files are refused, the last good version stays in force.
 * Every attempt is recorded ({@link PolicyLoadLog}) and announced as a {@link PolicyLoad} event.
 */
@Startup
@ApplicationScoped
public class PolicyService implements PolicyEngine {

    private static final Logger LOG = Logger.getLogger(PolicyService.class);

    private final Path rulesDir;
    private final Path tablesDir;
    private final Path testsDir;
    private final LoadLimits limits;
    private final PolicyLoadLog log;
    private final Event<PolicyLoad> events;
    private final Clock clock;
    private final AtomicReference<PolicyEngine> active = new AtomicReference<>();

    public PolicyService(GovernorConfig config, PolicyLoadLog log, Event<PolicyLoad> events, Clock clock) {
        this.rulesDir = Path.of(config.policy().rulesDir());
        this.tablesDir = Path.of(config.policy().tablesDir());
        this.testsDir = Path.of(config.policy().testsDir());
        this.limits = PolicyService.limits(config);
        this.log = log;
        this.events = events;
        this.clock = clock;
        PolicyLoad first = reload("system", PolicyLoad.Trigger.STARTUP, false);
        if (!first.activated()) throw new PolicyLoadException(first.errors());
        LOG.infof("policy %s loaded from %s and %s (%d files)", first.version(), rulesDir.toAbsolutePath(),
                tablesDir.toAbsolutePath(), current().files().size());
    }

    /** The file and evaluation limits of the configuration. */
    static LoadLimits limits(GovernorConfig config) {
        return new LoadLimits(config.policy().maxFileBytes(), config.policy().evaluationTimeout(),
                config.policy().maxRuleFirings());
    }

    @Override
    public Evaluation evaluate(EvaluationInput input) {
        return active.get().evaluate(input);
    }

    @Override
    public PlanEvaluation evaluatePlan(java.util.List<EvaluationInput> steps) {
        return active.get().evaluatePlan(steps);
    }

    @Override
    public PolicySnapshot current() {
        return active.get().current();
    }

    /** True once a valid policy is in force (the readiness check). */
    public boolean ready() {
        return active.get() != null;
    }

    /** The version the files on disk have now, without compiling them (for the directory watch). */
    public String versionOnDisk() {
        return KiePolicyEngine.version(rulesDir, tablesDir, limits);
    }

    /**
     * Recompiles and checks the policy files and, if they pass, makes them the version in force.
     *
     * @return the new version
     * @throws PolicyLoadException when the files are refused; the previous version stays active
     */
    public PolicySnapshot reload() {
        PolicyLoad load = reload("system", PolicyLoad.Trigger.RELOAD, false);
        if (!load.activated()) throw new PolicyLoadException(load.errors());
        return current();
    }

    /**
     * One load attempt: compile, check, optionally run the policy tests, swap on success, record and
     * announce the attempt either way. Never throws for bad policy files; the answer says why.
     *
     * @param requireTests refuse the new version unless every case in the policy tests passes
     */
    public synchronized PolicyLoad reload(String actor, PolicyLoad.Trigger trigger, boolean requireTests) {
        PolicyEngine previous = active.get();
        String previousVersion = previous == null ? null : previous.current().version();
        PolicyEngine next = null;
        List<Problem> errors;
        String version = null;
        try {
            next = KiePolicyEngine.load(rulesDir, tablesDir, limits);
            version = next.current().version();
            errors = requireTests ? PolicyTestRunner.failuresOf(next, testsDir) : List.of();
        } catch (PolicyLoadException e) {
            errors = e.problems();
        } catch (RuntimeException e) { // unreadable directory, KIE internals: still a refusal, never a crash
            errors = List.of(new Problem("policy", null, e.getClass().getSimpleName() + ": " + e.getMessage()));
        }
        boolean ok = next != null && errors.isEmpty();
        if (ok) active.set(next);
        PolicyLoad load = new PolicyLoad(UUID.randomUUID(), clock.instant().atOffset(ZoneOffset.UTC), actor, trigger,
                ok ? PolicyLoad.Result.ACTIVATED : PolicyLoad.Result.REJECTED, version, previousVersion,
                ok ? version : previousVersion, errors, next == null ? List.of() : next.current().warnings());
        if (ok) LOG.infof("policy %s activated (%s by %s)", version, trigger, actor);
        else LOG.warnf("policy load refused (%s by %s); %s stays in force: %s", trigger, actor, previousVersion, errors);
        record(load);
        return load;
    }

    private void record(PolicyLoad load) {
        try {
            log.record(load);
        } catch (RuntimeException e) { // the swap has happened or not; losing the history row must not undo it
            LOG.errorf(e, "could not record policy load %s", load.id());
        }
        events.fire(load);
    }
}
