package dev.governor.policy.engine;

import dev.governor.policy.AutonomyLevel;
import dev.governor.policy.BlastRadius;
import dev.governor.policy.KeyLifetime;
import dev.governor.policy.DriftResponse;
import dev.governor.policy.DriftSignals;
import dev.governor.policy.Evaluation;
import dev.governor.policy.ExceptionLimit;
import dev.governor.policy.EvaluationInput;
import dev.governor.policy.Outcome;
import dev.governor.policy.OutcomeDeadline;
import dev.governor.policy.PlanEvaluation;
import dev.governor.policy.PolicyEngine;
import dev.governor.policy.PolicyLoadException;
import dev.governor.policy.PolicySnapshot;
import dev.governor.policy.PromotionCriteria;
import dev.governor.policy.PromotionStep;
import dev.governor.policy.Reversibility;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The policy engine on Drools and DMN: compiled once from the policy directories by
 * {@link #load}, then evaluated many times. Immutable after load; a reload builds a new instance.
 */
public final class KiePolicyEngine implements PolicyEngine {

    static final String ERROR_SOURCE = "engine#policy-error";

    private final PolicySnapshot snapshot;
    private final Evaluator evaluator;
    private final Duration timeout;
    private final DmnTables tables;

    private KiePolicyEngine(PolicySnapshot snapshot, Evaluator evaluator, Duration timeout, DmnTables tables) {
        this.tables = tables;
        this.snapshot = snapshot;
        this.evaluator = evaluator;
        this.timeout = timeout;
    }

    /**
     * Reads and compiles {@code rulesDir/*.drl}, {@code tablesDir/*.dmn} and {@code tablesDir/*.xlsx}, with the
     * {@link LoadLimits#OFFLINE} limits (the service passes its configured ones).
     *
     * @throws PolicyLoadException naming every file (and line or row) that does not compile
     */
    public static KiePolicyEngine load(Path rulesDir, Path tablesDir) {
        return load(rulesDir, tablesDir, LoadLimits.OFFLINE);
    }

    /** As {@link #load(Path, Path)}, refusing files over the given limits. */
    public static KiePolicyEngine load(Path rulesDir, Path tablesDir, LoadLimits limits) {
        PolicyFiles files = PolicyFiles.read(rulesDir, tablesDir, limits);
        // Every DMN file is checked before anything compiles, so a refused FEEL expression never reaches a compiler.
        List<PolicyLoadException.Problem> refused = files.of(PolicyFiles.Kind.DMN).stream()
                .flatMap(dmn -> FeelSandbox.check(dmn).stream()).toList();
        if (!refused.isEmpty()) throw new PolicyLoadException(refused);
        RuleBase rules = RuleBase.compile(files);
        List<PolicyLoadException.Problem> warnings = new ArrayList<>();
        DmnTables tables = DmnLoader.load(files, warnings);
        PolicySnapshot snapshot = new PolicySnapshot(files.version(), Instant.now(),
                files.sources().stream().map(PolicyFiles.Source::describe).toList(), Findings.summarise(warnings));
        AssetSheet assets = files.of(PolicyFiles.Kind.ASSETS).stream().findFirst().map(AssetSheet::read).orElse(AssetSheet.EMPTY);
        Evaluator evaluator = new Evaluator(rules, tables, assets, files.version(), limits.maxRuleFirings());
        Smoke.check(evaluator, limits.evaluationTimeout());
        return new KiePolicyEngine(snapshot, evaluator, limits.evaluationTimeout(), tables);
    }

    /**
     * The version the files in these directories would have, without compiling them: what a
     * directory watcher compares with the version in force.
     */
    public static String version(Path rulesDir, Path tablesDir, LoadLimits limits) {
        return PolicyFiles.read(rulesDir, tablesDir, limits).version();
    }

    @Override
    public Evaluation evaluate(EvaluationInput input) {
        try {
            return Deadline.run(timeout, () -> evaluator.evaluate(input));
        } catch (Throwable e) { // the contract: never throw, fail closed
            return failure(e, snapshot.version());
        }
    }

    @Override
    public PlanEvaluation evaluatePlan(List<EvaluationInput> steps) {
        try {
            // each step is one evaluation, and weighing the plan one more: the plan gets that many deadlines
            Duration planTimeout = timeout.multipliedBy(steps == null ? 1 : steps.size() + 1L);
            return Deadline.run(planTimeout, () -> PlanWeigher.weigh(evaluator, steps, this::evaluateStep));
        } catch (Throwable e) { // the contract: never throw, fail closed
            Evaluation failed = failure(e, snapshot.version());
            return new PlanEvaluation(Outcome.DENY, steps == null ? List.of() : steps.stream().map(s -> failed).toList(),
                    List.of(), failed.reasons(), List.of(), snapshot.version());
        }
    }

    /** A step that cannot be evaluated is a denied step; a plan past its deadline is denied as a whole. */
    private Evaluation evaluateStep(EvaluationInput step) {
        try {
            return evaluator.evaluate(step);
        } catch (Deadline.Exceeded e) {
            throw e;
        } catch (RuntimeException e) {
            return failure(e, snapshot.version());
        }
    }

    @Override
    public PromotionCriteria promotionCriteria(PromotionStep step) {
        String criteriaVersion = snapshot.criteriaVersion();
        try {
            return Deadline.run(timeout, () -> PromotionTable.criteria(evaluator.tables(), step, snapshot.version(),
                    criteriaVersion));
        } catch (Throwable e) { // the contract: never throw; an unevaluated step cannot be met
            return new PromotionCriteria(null, step == null ? null : step.target(), false, List.of(), List.of(),
                    List.of(describe(e)), snapshot.version(), criteriaVersion);
        }
    }

    @Override
    public DriftResponse driftResponse(DriftSignals signals) {
        try {
            return Deadline.run(timeout, () -> DriftTable.respond(evaluator.tables(), signals, snapshot.version()));
        } catch (Throwable e) { // the contract: never throw; people are told, nobody is demoted on an error
            return new DriftResponse(DriftResponse.Response.ALERT, "the drift table could not be evaluated: " + describe(e),
                    ERROR_SOURCE, List.of(), List.of(describe(e)), snapshot.version());
        }
    }

    @Override
    public OutcomeDeadline outcomeDeadline(String actionType, String environment, Reversibility reversibility) {
        try {
            return Deadline.run(timeout, () -> OutcomeDeadlines.of(tables, actionType, environment, reversibility));
        } catch (Throwable e) { // the contract: never throw; an unknown period flags nothing
            return OutcomeDeadline.unknown(e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()));
        }
    }

    @Override
    public ExceptionLimit exceptionLimit(String reasonCode) {
        try {
            return Deadline.run(timeout, () -> ExceptionLimits.of(tables, reasonCode));
        } catch (Throwable e) { // the contract: never throw; a code the table cannot speak for is not liftable
            return ExceptionLimit.unknown(reasonCode, describe(e));
        }
    }

    @Override
    public KeyLifetime keyLifetime(KeyLifetime.Credential credential, AutonomyLevel level) {
        try {
            return Deadline.run(timeout, () -> KeyLifetimes.of(tables, credential, level));
        } catch (Throwable e) { // the contract: never throw; an unknown lifetime issues nothing
            return KeyLifetime.unknown(describe(e));
        }
    }

    @Override
    public PolicySnapshot current() {
        return snapshot;
    }

    private static String describe(Throwable e) {
        return e instanceof Deadline.Exceeded ? e.getMessage()
                : e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
    }

    static Evaluation failure(Throwable e, String version) {
        String detail = describe(e);
        return new Evaluation(Outcome.DENY, Reversibility.IRREVERSIBLE, BlastRadius.CRITICAL,
                List.of(new Evaluation.Reason("POLICY_ERROR", Outcome.DENY,
                        "the policy could not be evaluated, so the action is denied: " + detail, ERROR_SOURCE)),
                List.of(), List.of(detail), version);
    }
}
