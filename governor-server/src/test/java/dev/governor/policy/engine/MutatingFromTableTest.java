package dev.governor.policy.engine;

import dev.governor.policy.AutonomyLevel;
import dev.governor.policy.Effect;
import dev.governor.policy.Evaluation;
import dev.governor.policy.EvaluationInput;
import dev.governor.policy.Reversibility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Whether an action changes anything is read from decision-tables/reversibility.dmn alone: a
 * verb added to the read-only row passes freezes and is not counted against budgets, with no
 * Java change; a type no row lists stays mutating.
 */
class MutatingFromTableTest {

    private static final Instant NOW = Instant.parse("2026-11-24T10:00:00Z");

    @TempDir
    Path dir;

    private static EvaluationInput search(String type) {
        var agent = new EvaluationInput.AgentFacts("reader", false, AutonomyLevel.AUTONOMOUS, Set.of("sandbox"),
                Set.of("*:*"));
        var action = new EvaluationInput.ActionFacts(type, "sandbox", "catalog", 0L, 0L, BigDecimal.ZERO, null);
        var freeze = new EvaluationInput.FreezeFacts("f-1", "sandbox", NOW.minus(Duration.ofHours(1)),
                NOW.plus(Duration.ofHours(1)), "release week");
        return new EvaluationInput("reader", agent, action, List.of(), List.of(freeze), NOW);
    }

    @Test
    void aVerbTheTableCallsReadOnlyPassesAFreezeAndAnUnlistedOneDoesNot() throws IOException {
        copy(Path.of("rules"), dir.resolve("rules"));
        copy(Path.of("decision-tables"), dir.resolve("decision-tables"));
        KiePolicyEngine shipped = KiePolicyEngine.load(dir.resolve("rules"), dir.resolve("decision-tables"));
        Evaluation before = shipped.evaluate(search("catalog.search"));
        assertThat(before.mutating()).isTrue();
        assertThat(before.reasons()).extracting(Evaluation.Reason::code).contains("CODE_FREEZE");

        Path table = dir.resolve("decision-tables/reversibility.dmn");
        String dmn = Files.readString(table);
        String readOnly = "<text>\"read\",\"list\",\"get\",\"describe\"</text>";
        assertThat(dmn).contains(readOnly);
        Files.writeString(table, dmn.replace(readOnly, "<text>\"read\",\"list\",\"get\",\"describe\",\"search\"</text>"));
        KiePolicyEngine edited = KiePolicyEngine.load(dir.resolve("rules"), dir.resolve("decision-tables"));

        Evaluation after = edited.evaluate(search("catalog.search"));
        assertThat(after.errors()).isEmpty();
        assertThat(after.mutating()).isFalse();
        assertThat(after.reversibility()).isEqualTo(Reversibility.REVERSIBLE);
        assertThat(after.reasons()).extracting(Evaluation.Reason::code).doesNotContain("CODE_FREEZE");
        assertThat(after.effects()).doesNotContain(Effect.RECORD_BUDGET_USAGE);

        Evaluation unlisted = edited.evaluate(search("catalog.frobnicate"));
        assertThat(unlisted.mutating()).isTrue();
        assertThat(unlisted.reasons()).extracting(Evaluation.Reason::code).contains("CODE_FREEZE", "UNKNOWN_ACTION_TYPE");
    }

    private static void copy(Path from, Path to) throws IOException {
        Files.createDirectories(to);
        try (Stream<Path> files = Files.list(from)) {
            for (Path f : files.toList()) Files.copy(f, to.resolve(f.getFileName()));
        }
    }
}
