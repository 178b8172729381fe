package dev.governor.policy.engine;

import dev.governor.policy.AutonomyLevel;
import dev.governor.policy.Evaluation;
import dev.governor.policy.EvaluationInput;
import dev.governor.policy.PolicyLoadException;
import dev.governor.policy.PolicyLoadException.Problem;
import dev.governor.policy.Reversibility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The README's "Add an action type", followed to the letter on a copy of the shipped tables: the
 * row it shows, pasted just above {@code rev-unknown}, classifies the new type; pasted at the end
 * instead (the old mistake), it could never fire under FIRST: the load is refused, naming both
 * rows. In a table that need not end in its catch-all, such a row is a load warning.
 */
class ReadmeAddActionTypeTest {

    private static final Instant NOW = Instant.parse("2026-11-24T10:00:00Z");
    private static final String CATCH_ALL = "      <rule id=\"rev-unknown\">";

    @TempDir
    Path dir;

    /** The XML block of the README's "Add an action type" paragraph. */
    private static String readmeRow() throws IOException {
        String readme = Files.readString(Path.of("README.md"));
        int at = readme.indexOf("**Add an action type.**");
        assertThat(at).as("README paragraph").isPositive();
        Matcher m = Pattern.compile("```xml\\n(.*?)```", Pattern.DOTALL).matcher(readme);
        assertThat(m.find(at)).as("its XML block").isTrue();
        assertThat(readme.substring(at, m.start())).contains("just above the last row, `rev-unknown`");
        return m.group(1);
    }

    private static EvaluationInput voidInvoice() {
        var agent = new EvaluationInput.AgentFacts("biller", false, AutonomyLevel.AUTONOMOUS, Set.of("sandbox"),
                Set.of("*:*"));
        var action = new EvaluationInput.ActionFacts("invoice.void", "sandbox", "invoice/42", 0L, 0L, BigDecimal.ZERO, null);
        return new EvaluationInput("biller", agent, action, List.of(), List.of(), NOW);
    }

    private KiePolicyEngine withRow(boolean aboveCatchAll) throws IOException {
        copy(Path.of("rules"), dir.resolve("rules"));
        copy(Path.of("decision-tables"), dir.resolve("decision-tables"));
        Path table = dir.resolve("decision-tables/reversibility.dmn");
        String dmn = Files.readString(table);
        assertThat(dmn).contains(CATCH_ALL).doesNotContain("invoice.void");
        String row = readmeRow().indent(6);
        String edited = aboveCatchAll ? dmn.replace(CATCH_ALL, row + CATCH_ALL)
                : dmn.replace("    </decisionTable>", row + "    </decisionTable>");
        Files.writeString(table, edited);
        return KiePolicyEngine.load(dir.resolve("rules"), dir.resolve("decision-tables"));
    }

    @Test
    void theRowPastedAsTheReadmeSaysClassifiesTheNewType() throws IOException {
        KiePolicyEngine engine = withRow(true);
        Evaluation e = engine.evaluate(voidInvoice());
        assertThat(e.errors()).isEmpty();
        assertThat(e.reversibility()).isEqualTo(Reversibility.PARTIALLY_REVERSIBLE);
        assertThat(e.firings()).extracting(Evaluation.Firing::rowId).contains("rev-invoice-void").doesNotContain("rev-unknown");
        assertThat(e.reasons()).extracting(Evaluation.Reason::code).doesNotContain("UNKNOWN_ACTION_TYPE");
        assertThat(engine.current().warnings()).extracting(Problem::message).noneMatch(w -> w.contains("can never fire"));
    }

    @Test
    void theReadmeRowPastedAfterTheCatchAllIsRefusedNamingBothRows() throws IOException {
        // reversibility.dmn decides outcomes, so it must end in its catch-all: the load is refused.
        assertThatThrownBy(() -> withRow(false)).isInstanceOfSatisfying(PolicyLoadException.class, e ->
                assertThat(e.problems()).extracting(Problem::message)
                        .anyMatch(m -> m.contains("must end in a catch-all row"))
                        .anyMatch(m -> m.contains("rev-invoice-void can never fire") && m.contains("rev-unknown")));
    }

    @Test
    void aRowAfterACatchAllInAnyFirstTableIsAWarningNamingBothRows() throws IOException {
        copy(Path.of("rules"), dir.resolve("rules"));
        copy(Path.of("decision-tables"), dir.resolve("decision-tables"));
        Path table = dir.resolve("decision-tables/egress.dmn");
        String dmn = Files.readString(table);
        String late = """
                      <rule id="eg-late">
                        <inputEntry id="eg-late-i1"><text>"invoice.void"</text></inputEntry>
                        <inputEntry id="eg-late-i2"><text>-</text></inputEntry>
                        <outputEntry id="eg-late-o1"><text>true</text></outputEntry>
                        <outputEntry id="eg-late-o2"><text>"third-party"</text></outputEntry>
                      </rule>
                """;
        assertThat(dmn).contains("<rule id=\"eg-none\">");
        Files.writeString(table, dmn.replace("    </decisionTable>", late + "    </decisionTable>"));

        KiePolicyEngine engine = KiePolicyEngine.load(dir.resolve("rules"), dir.resolve("decision-tables"));

        assertThat(engine.current().warnings()).filteredOn(w -> w.message().contains("can never fire"))
                .singleElement().satisfies(w -> {
                    assertThat(w.file()).endsWith("egress.dmn");
                    assertThat(w.location()).isEqualTo("rule eg-late");
                    assertThat(w.message()).contains("eg-late").contains("catch-all row eg-none").contains("FIRST");
                });
    }

    @Test
    void theShippedTablesHaveNoRowAfterACatchAll() {
        KiePolicyEngine shipped = KiePolicyEngine.load(Path.of("rules"), Path.of("decision-tables"));
        assertThat(shipped.current().warnings()).extracting(Problem::message).noneMatch(w -> w.contains("can never fire"));
    }

    private static void copy(Path from, Path to) throws IOException {
        Files.createDirectories(to);
        try (Stream<Path> files = Files.list(from)) {
            for (Path f : files.toList()) Files.copy(f, to.resolve(f.getFileName()));
        }
    }
}
