package dev.governor.policy;

import dev.governor.GovernorConfig;
import dev.governor.api.ApiException;
import dev.governor.api.Infrastructure;
import dev.governor.policy.PolicyLoadException.Problem;
import dev.governor.policy.engine.KiePolicyEngine;
import dev.governor.policy.engine.LoadLimits;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
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
    private final Clock clock;
    private final AtomicReference<PolicyEngine> active = new AtomicReference<>();

    public PolicyService(GovernorConfig config, PolicyLoadLog log, Clock clock) {
        this.rulesDir = Path.of(config.policy().rulesDir());
        this.tablesDir = Path.of(config.policy().tablesDir());
        this.testsDir = Path.of(config.policy().testsDir());
        this.limits = PolicyService.limits(config);
        this.log = log;
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
    public PromotionCriteria promotionCriteria(PromotionStep step) {
        return active.get().promotionCriteria(step);
    }

    @Override
    public DriftResponse driftResponse(DriftSignals signals) {
        return active.get().driftResponse(signals);
    }

    @Override
    public OutcomeDeadline outcomeDeadline(String actionType, String environment, Reversibility reversibility) {
        return active.get().outcomeDeadline(actionType, environment, reversibility);
    }

    @Override
    public ExceptionLimit exceptionLimit(String reasonCode) {
        return active.get().exceptionLimit(reasonCode);
    }

    @Override
    public KeyLifetime keyLifetime(KeyLifetime.Credential credential, AutonomyLevel level) {
        return active.get().keyLifetime(credential, level);
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
        String tests = trigger == PolicyLoad.Trigger.STARTUP ? "not run at start-up"
                : "skipped: requireTests=false by " + actor;
        try {
            next = KiePolicyEngine.load(rulesDir, tablesDir, limits);
            version = next.current().version();
            errors = List.of();
            if (requireTests) {
                PolicyTestRunner.Proof proof = PolicyTestRunner.prove(next, testsDir);
                tests = proof.summary();
                errors = proof.failures();
            }
        } catch (PolicyLoadException e) {
            errors = e.problems();
        } catch (RuntimeException e) { // unreadable directory, KIE internals: still a refusal, never a crash
            errors = List.of(new Problem("policy", null, e.getClass().getSimpleName() + ": " + e.getMessage()));
        }
        boolean ok = next != null && errors.isEmpty();
        PolicyLoad load = new PolicyLoad(UUID.randomUUID(), clock.instant().atOffset(ZoneOffset.UTC), actor, trigger,
                ok ? PolicyLoad.Result.ACTIVATED : PolicyLoad.Result.REJECTED, version, previousVersion,
                ok ? version : previousVersion, errors, next == null ? List.of() : next.current().warnings(),
                next == null ? List.of() : next.current().files(), next == null ? "not run: the files did not load" : tests);
        record(load, ok);
        if (ok) {
            active.set(next); // only now: the load record, with its files, hashes and tests, is in the audit chain
            LOG.infof("policy %s activated (%s by %s; tests: %s)", version, trigger, actor, tests);
        } else {
            LOG.warnf("policy load refused (%s by %s); %s stays in force: %s", trigger, actor, previousVersion, errors);
        }
        return load;
    }

    /** A version is activated only once its record has committed; if it cannot be, the old one stays: 503. */
    private void record(PolicyLoad load, boolean activating) {
        try {
            log.record(load);
        } catch (RuntimeException e) {
            String outcome = activating ? "the new version is not activated" : "the refusal is not in the history";
            // The audit log or the database could not be written (a 503 fault): one line, no stack trace.
            if (Infrastructure.isFault(e) || e instanceof ApiException a && a.status() == 503) {
                LOG.warnf("could not record policy load %s; %s: %s", load.id(), outcome, Infrastructure.rootMessage(e));
            } else {
                LOG.errorf(e, "could not record policy load %s; %s", load.id(), outcome);
            }
            if (activating) {
                throw new ApiException(503, "Service Unavailable", "The policy load could not be recorded in the audit"
                        + " log, so version " + load.version() + " was not activated; the previous version stays in force."
                        + " Retry later.", List.of());
            }
        }
    }
}
