package dev.governor.policy;

import dev.governor.policy.engine.KiePolicyEngine;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** Every rule that decides about approvals, plans and combining is pinned by a scenario that names it. */
class PolicyRuleCoverageTest {

    private static final Pattern RULE = Pattern.compile("(?m)^rule \"([^\"]+)\"");
    private static final Pattern ROW = Pattern.compile("<rule id=\"([^\"]+)\"");

    /** The grounding tables: every row is named by a scenario (as a reason's source or as fired). */
    private static final List<String> EVERY_ROW_NAMED = List.of("decision-tables/environments.dmn",
            "decision-tables/required-evidence.dmn", "decision-tables/reversibility.dmn",
            "decision-tables/sensitive-targets.dmn", "decision-tables/egress.dmn", "decision-tables/prerequisites.dmn",
            "rules/sensitive-targets.drl", "rules/assets.drl", "rules/session-flows.drl");

    @Test
    void everyRowOfTheGroundingTablesIsNamedByAScenario() throws Exception {
        Set<String> named = new HashSet<>();
        for (PolicyTestCase c : PolicyTestRunner.readAll(Path.of("policy-tests"))) {
            named.addAll(c.expect().sources());
            named.addAll(c.expect().fired());
        }
        for (String file : EVERY_ROW_NAMED) {
            Matcher m = (file.endsWith(".drl") ? RULE : ROW).matcher(Files.readString(Path.of(file)));
            int rows = 0;
            while (m.find()) {
                rows++;
                assertThat(named).as("a scenario naming " + file + "#" + m.group(1) + " in expect.sources or expect.fired")
                        .contains(file + "#" + m.group(1));
            }
            assertThat(rows).as("rows in " + file).isGreaterThan(0);
        }
    }

    @Test
    void everyApprovalPlanAndCombiningRuleIsNamedByAScenario() throws Exception {
        Set<String> named = new HashSet<>();
        for (PolicyTestCase c : PolicyTestRunner.readAll(Path.of("policy-tests"))) {
            named.addAll(c.expect().sources());
            named.addAll(c.expect().fired());
        }
        for (String file : List.of("rules/approvals.drl", "rules/plans.drl", "rules/combining.drl")) {
            Matcher m = RULE.matcher(Files.readString(Path.of(file)));
            int rules = 0;
            while (m.find()) {
                rules++;
                assertThat(named).as("a scenario naming " + file + "#" + m.group(1) + " in expect.sources or expect.fired")
                        .contains(file + "#" + m.group(1));
            }
            assertThat(rules).as("rules in " + file).isGreaterThan(2);
        }
    }

    @Test
    void aWrongVerdictEffectOrRuleFailsTheCase() {
        PolicyEngine engine = KiePolicyEngine.load(Path.of("rules"), Path.of("decision-tables"));
        PolicyTestCase lift = PolicyTestRunner.readAll(Path.of("policy-tests")).stream()
                .filter(c -> c.file().equals("approvals.yaml")).findFirst().orElseThrow();
        PolicyTestRunner runner = new PolicyTestRunner(engine);
        assertThat(runner.run(lift).passed()).isTrue();

        var e = lift.expect();
        var wrong = new PolicyTestCase.Expectation(e.outcome(), e.reversibility(), e.blastRadius(), e.reasons(),
                e.absentReasons(), e.sources(), e.approvalTtl(), Outcome.ALLOW, List.of(Effect.OPEN_APPROVAL),
                List.of("rules/approvals.drl#approval-pending"));
        var failures = runner.run(new PolicyTestCase(lift.file(), lift.name(), lift.input(), wrong)).failures();
        assertThat(failures).hasSize(3).anyMatch(f -> f.startsWith("verdict:")).anyMatch(f -> f.startsWith("effects:"))
                .anyMatch(f -> f.contains("approval-pending"));
    }
}
