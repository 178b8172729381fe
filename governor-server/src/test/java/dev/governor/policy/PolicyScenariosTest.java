package dev.governor.policy;

import dev.governor.policy.engine.KiePolicyEngine;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

/** Every case in policy-tests/*.yaml against the real rules/ and decision-tables/. */
class PolicyScenariosTest {

    private static final PolicyEngine ENGINE = KiePolicyEngine.load(Path.of("rules"), Path.of("decision-tables"));

    @TestFactory
    Stream<DynamicTest> policyScenarios() {
        List<PolicyTestCase> cases = PolicyTestRunner.readAll(Path.of("policy-tests"));
        assertThat(cases).hasSizeGreaterThan(100);
        PolicyTestRunner runner = new PolicyTestRunner(ENGINE);
        return cases.stream().map(c -> DynamicTest.dynamicTest(c.file() + " :: " + c.name(), () -> {
            PolicyTestRunner.Result result = runner.run(c);
            if (!result.passed()) fail(result.describe());
            assertThat(result.actual().errors()).as("evaluation errors").isEmpty();
            assertThat(result.actual().reasons()).as("every decision carries reasons").isNotEmpty();
        }));
    }
}
