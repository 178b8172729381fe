package dev.governor.policy.cli;

import dev.governor.policy.PolicyFixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class PolicyCliTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final PolicyCli cli = new PolicyCli(new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));

    @Test
    void shippedPolicyPassesItsTests() {
        assertThat(cli.run("policy", "test")).isEqualTo(PolicyCli.OK);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains(" 0 failed");
    }

    @Test
    void failingCaseIsPrintedWithWhyAndExitsNonZero(@TempDir Path tests) throws Exception {
        Files.writeString(tests.resolve("wrong.yaml"), PolicyFixtures.WRONG_CASE_YAML);
        assertThat(cli.run("policy", "test", "--tests", tests.toString())).isEqualTo(PolicyCli.FAILED);
        assertThat(out.toString(StandardCharsets.UTF_8))
                .contains("wrong.yaml :: reads are denied (wrong on purpose) FAILED", "expected DENY but was ALLOW",
                        "1 cases, 0 passed, 1 failed");
    }

    @Test
    void brokenPolicyAndBadUsageHaveTheirOwnExitCodes(@TempDir Path empty) {
        assertThat(cli.run("policy", "test", "--rules", empty.toString())).isEqualTo(PolicyCli.BROKEN);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("The policy does not load");
        assertThat(cli.run("policy", "frobnicate")).isEqualTo(PolicyCli.USAGE);
        assertThat(cli.run("policy", "test", "--bogus", "x")).isEqualTo(PolicyCli.USAGE);
    }
}
