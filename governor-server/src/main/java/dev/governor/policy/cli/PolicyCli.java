package dev.governor.policy.cli;

import dev.governor.policy.PolicyLoadException;
import dev.governor.policy.PolicyTestCase;
import dev.governor.policy.PolicyTestRunner;
import dev.governor.policy.engine.KiePolicyEngine;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code policy test [--rules DIR] [--tables DIR] [--tests DIR]}: compiles a policy directory and
 * runs the policy tests against it, printing every failing case and why. Plain Java: usable from
 * the packaged application without a server or a database.
 *
 * <p>Exit codes: 0 all cases passed, 1 a case failed, 2 the policy or the tests could not be
 * read, 64 wrong usage.
 */
public final class PolicyCli {

    public static final int OK = 0, FAILED = 1, BROKEN = 2, USAGE = 64;
    private static final String HELP = """
            usage: policy test [--rules DIR] [--tables DIR] [--tests DIR]
              --rules   Drools rule files (.drl)             default: rules
              --tables  decision tables (.dmn, .xlsx)        default: decision-tables
              --tests   policy test cases (*.yaml)           default: policy-tests
            """;

    private final PrintStream out;
    private final PrintStream err;

    public PolicyCli(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    /** @param args the whole command line, starting with {@code policy} */
    public int run(String... args) {
        if (args.length < 2 || !"test".equals(args[1])) {
            err.print(HELP);
            return USAGE;
        }
        Map<String, String> options = new HashMap<>(Map.of("--rules", "rules", "--tables", "decision-tables",
                "--tests", "policy-tests"));
        for (int i = 2; i < args.length; i += 2) {
            if (!options.containsKey(args[i]) || i + 1 >= args.length) {
                err.println("unknown option or missing value: " + args[i]);
                err.print(HELP);
                return USAGE;
            }
            options.put(args[i], args[i + 1]);
        }
        return test(Path.of(options.get("--rules")), Path.of(options.get("--tables")), Path.of(options.get("--tests")));
    }

    private int test(Path rules, Path tables, Path tests) {
        KiePolicyEngine engine;
        List<PolicyTestCase> cases;
        try {
            engine = KiePolicyEngine.load(rules, tables);
            cases = PolicyTestRunner.readAll(tests);
        } catch (PolicyLoadException e) {
            err.println("The policy does not load:");
            e.problems().forEach(p -> err.println("  " + p));
            return BROKEN;
        } catch (RuntimeException e) {
            err.println("Cannot read the policy tests: " + e.getMessage());
            return BROKEN;
        }
        engine.current().warnings().forEach(w -> out.println("warning: " + w));
        List<PolicyTestRunner.Result> results = new PolicyTestRunner(engine).runAll(cases);
        List<PolicyTestRunner.Result> failed = results.stream().filter(r -> !r.passed()).toList();
        failed.forEach(r -> out.println(r.describe() + "\n"));
        out.printf("policy %s: %d cases, %d passed, %d failed%n", engine.current().version(), results.size(),
                results.size() - failed.size(), failed.size());
        return failed.isEmpty() ? OK : FAILED;
    }
}
