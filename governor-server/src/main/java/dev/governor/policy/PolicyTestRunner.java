package dev.governor.policy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Runs policy scenarios against an engine: used by the unit tests and by the policy-test CLI.
 * Pure: no Quarkus, no HTTP, no database.
 */
public final class PolicyTestRunner {

    private final PolicyEngine engine;

    public PolicyTestRunner(PolicyEngine engine) {
        this.engine = engine;
    }

    /** What a case produced and every way it differs from the expectation (empty = passed). */
    public record Result(PolicyTestCase testCase, Evaluation actual, List<String> failures) {
        public boolean passed() {
            return failures.isEmpty();
        }

        public String describe() {
            String reasons = actual.reasons().stream()
                    .map(r -> "  " + r.outcome() + " " + r.code() + " [" + r.source() + "] " + r.message())
                    .collect(Collectors.joining("\n"));
            return testCase.file() + " :: " + testCase.name() + (passed() ? " passed" : " FAILED:\n  - "
                    + String.join("\n  - ", failures)) + "\nactual: " + actual.outcome() + ", "
                    + actual.reversibility() + ", " + actual.blastRadius() + ", verdict " + actual.verdict().outcome()
                    + ", effects " + actual.effects() + "\nreasons:\n" + reasons
                    + (actual.errors().isEmpty() ? "" : "\nerrors: " + actual.errors());
        }
    }

    /** Every case of every {@code *.yaml}/{@code *.yml} file in the directory, files in name order. */
    public static List<PolicyTestCase> readAll(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            List<PolicyTestCase> cases = new ArrayList<>();
            for (Path file : files.filter(PolicyTestRunner::isYaml).sorted().toList()) {
                cases.addAll(PolicyTestReader.read(file));
            }
            return cases;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read policy tests in " + dir, e);
        }
    }

    /**
     * Runs every case in {@code testsDir} against {@code engine}; each failing case (or unreadable
     * test file) becomes one problem, for a reload that requires the tests to pass.
     */
    public static List<PolicyLoadException.Problem> failuresOf(PolicyEngine engine, Path testsDir) {
        return prove(engine, testsDir).failures();
    }

    /** What running every case of a tests directory showed: how many ran, and each failure as a problem. */
    public record Proof(int cases, List<PolicyLoadException.Problem> failures) {
        public String summary() {
            return cases + " cases, " + (cases - failures.size()) + " passed, " + failures.size() + " failed";
        }
    }

    public static Proof prove(PolicyEngine engine, Path testsDir) {
        List<PolicyTestCase> cases;
        try {
            cases = readAll(testsDir);
        } catch (RuntimeException e) {
            return new Proof(0, List.of(new PolicyLoadException.Problem(testsDir.getFileName().toString(), null, e.getMessage())));
        }
        if (cases.isEmpty()) {
            return new Proof(0, List.of(new PolicyLoadException.Problem(testsDir.getFileName().toString(), null,
                    "no policy test cases: a reload is proven by them (an administrator may skip them with requireTests=false)")));
        }
        String dir = testsDir.toAbsolutePath().normalize().getFileName().toString();
        return new Proof(cases.size(), new PolicyTestRunner(engine).runAll(cases).stream().filter(r -> !r.passed())
                .map(r -> new PolicyLoadException.Problem(dir + "/" + r.testCase().file(),
                        "case '" + r.testCase().name() + "'", String.join("; ", r.failures())))
                .toList());
    }

    public Result run(PolicyTestCase testCase) {
        Evaluation actual = testCase.planSteps().isEmpty() ? engine.evaluate(testCase.input())
                : asEvaluation(engine.evaluatePlan(testCase.planSteps()));
        return new Result(testCase, actual, check(testCase.expect(), actual));
    }

    /**
     * A weighed plan as the checks read it: the plan's outcome, its own reasons followed by each
     * step's, the blast radius of the widest summed impact, and the plan rules that fired.
     */
    private static Evaluation asEvaluation(PlanEvaluation plan) {
        BlastRadius widest = plan.cumulative().stream().map(PlanEvaluation.Cumulative::blastRadius)
                .max(java.util.Comparator.naturalOrder()).orElse(null);
        List<Evaluation.Reason> reasons = new ArrayList<>(plan.reasons());
        plan.steps().forEach(s -> reasons.addAll(s.reasons()));
        List<String> errors = plan.steps().stream().flatMap(s -> s.errors().stream()).toList();
        return new Evaluation(plan.outcome(), null, widest, reasons, plan.firings(), errors, plan.policyVersion());
    }

    public List<Result> runAll(List<PolicyTestCase> cases) {
        return cases.stream().map(this::run).toList();
    }

    static List<String> check(PolicyTestCase.Expectation expect, Evaluation actual) {
        List<String> failures = new ArrayList<>();
        if (expect.outcome() != actual.outcome()) {
            failures.add("outcome: expected " + expect.outcome() + " but was " + actual.outcome());
        }
        if (expect.reversibility() != null && expect.reversibility() != actual.reversibility()) {
            failures.add("reversibility: expected " + expect.reversibility() + " but was " + actual.reversibility());
        }
        if (expect.blastRadius() != null && expect.blastRadius() != actual.blastRadius()) {
            failures.add("blastRadius: expected " + expect.blastRadius() + " but was " + actual.blastRadius());
        }
        List<String> codes = actual.reasons().stream().map(Evaluation.Reason::code).toList();
        for (String code : expect.reasons()) {
            if (!codes.contains(code)) failures.add("reason " + code + " expected but absent; reasons were " + codes);
        }
        for (String code : expect.absentReasons()) {
            if (codes.contains(code)) failures.add("reason " + code + " must not be present");
        }
        List<String> sources = actual.reasons().stream().map(Evaluation.Reason::source).toList();
        for (String source : expect.sources()) {
            if (!sources.contains(source)) failures.add("source " + source + " expected but absent; sources were " + sources);
        }
        if (expect.approvalTtl() != null && !expect.approvalTtl().equals(actual.approvalTtl())) {
            failures.add("approvalTtl: expected " + expect.approvalTtl() + " but was " + actual.approvalTtl());
        }
        if (expect.verdict() != null && expect.verdict() != actual.verdict().outcome()) {
            failures.add("verdict: expected " + expect.verdict() + " but was " + actual.verdict().outcome());
        }
        // A rule by its name, a table row by its id: what a reason's source names.
        List<String> fired = actual.firings().stream()
                .map(f -> f.file() + "#" + (f.kind() == Evaluation.Firing.Kind.RULE ? f.name() : f.rowId())).toList();
        for (String rule : expect.fired()) {
            if (!fired.contains(rule)) failures.add("rule or row " + rule + " expected to fire but did not; fired were " + fired);
        }
        if (expect.effects() != null && !new java.util.HashSet<>(expect.effects()).equals(new java.util.HashSet<>(actual.effects()))) {
            failures.add("effects: expected " + expect.effects() + " but were " + actual.effects());
        }
        return failures;
    }

    private static boolean isYaml(Path p) {
        String name = p.getFileName().toString();
        return name.endsWith(".yaml") || name.endsWith(".yml");
    }
}
