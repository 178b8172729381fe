package dev.governor.policy.engine;

import dev.governor.policy.PolicyLoadException;
import dev.governor.policy.PolicyLoadException.Problem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A policy file is data, not a way into the server. */
class PolicySafetyTest {

    @TempDir
    Path root;

    @Test
    void shippedPolicyPassesTheScan() throws Exception {
        try (Stream<Path> files = Files.list(Path.of("rules"))) {
            for (Path f : files.toList()) assertThat(DrlSandbox.check(f.toString(), Files.readString(f))).as(f.toString()).isEmpty();
        }
    }

    @Test
    void forbiddenCallsAreRefusedWithFileAndLine() throws Exception {
        copyPolicy();
        Files.writeString(root.resolve("rules/evil.drl"), """
                package governor.rules;
                import dev.governor.policy.engine.facts.*;
                import java.io.File;

                rule "evil"
                when
                    ActionFact()
                then
                    System.exit(1);
                    Runtime.getRuntime().exec("rm -rf /");
                    Class.forName("x").getDeclaredMethod("y");
                    new Thread(() -> {}).start();
                    java.nio.file.Files.readString(null);
                end
                """);
        List<Problem> problems = problems(this::load);
        assertThat(problems).allSatisfy(p -> assertThat(p.file()).isEqualTo("rules/evil.drl"));
        assertThat(problems).extracting(Problem::location)
                .contains("line 3", "line 9", "line 10", "line 11", "line 12", "line 13");
        assertThat(problems).extracting(Problem::message).anySatisfy(m -> assertThat(m).contains("System"));
    }

    @Test
    void commentsAndStringsCannotHideACall() {
        String head = "package governor.rules;\nimport dev.governor.policy.engine.facts.*;\nrule \"r\" when ActionFact() then\n";
        assertThat(DrlSandbox.check("r.drl", head + "// System.exit(1)\n/* Runtime */ insert(new Answer(null));\nend")).isEmpty();
        assertThat(DrlSandbox.check("r.drl", head + "insert(\"a // b\"); System.exit(0);\nend"))
                .extracting(Problem::location).containsOnly("line 4");
        assertThat(DrlSandbox.check("r.drl", head + "\\u0053ystem.exit(0);\nend"))
                .extracting(Problem::message).anySatisfy(m -> assertThat(m).contains("unicode escape"))
                .anySatisfy(m -> assertThat(m).contains("uses System"));
        assertThat(DrlSandbox.check("r.drl", head + "int x = 1; // \\u000a System.exit(0);\nend"))
                .extracting(Problem::message).anySatisfy(m -> assertThat(m).contains("uses System"));
    }

    @Test
    void dmnWithExternalEntityIsRefused() throws Exception {
        copyPolicy();
        Path gate = root.resolve("decision-tables/governance-gate.dmn");
        String xml = Files.readString(gate);
        String body = xml.substring(xml.indexOf("<definitions"));
        Files.writeString(gate, "<?xml version=\"1.0\"?>\n<!DOCTYPE definitions [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>\n"
                + body.replaceFirst("<description>", "<description>&xxe;"));
        assertThat(problems(this::load)).singleElement().satisfies(p -> {
            assertThat(p.file()).isEqualTo("decision-tables/governance-gate.dmn");
            assertThat(p.message()).containsIgnoringCase("DOCTYPE").doesNotContain("root:");
        });
    }

    @Test
    void zipBombSpreadsheetIsRefused() throws Exception {
        copyPolicy();
        try (OutputStream out = Files.newOutputStream(root.resolve("decision-tables/data-agreement.xlsx"));
             ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry("[Content_Types].xml"));
            byte[] zeros = new byte[1024 * 1024];
            for (int i = 0; i < 20; i++) zip.write(zeros);
            zip.closeEntry();
        }
        assertThat(problems(this::load)).singleElement().satisfies(p -> {
            assertThat(p.file()).isEqualTo("decision-tables/data-agreement.xlsx");
            assertThat(p.message()).containsIgnoringCase("zip bomb");
        });
    }

    @Test
    void oversizedFileIsRefusedBeforeParsing() throws Exception {
        copyPolicy();
        assertThatThrownBy(() -> KiePolicyEngine.load(root.resolve("rules"), root.resolve("decision-tables"), new LoadLimits(4096)))
                .isInstanceOf(PolicyLoadException.class)
                .hasMessageContaining("decision-tables/data-freshness.xlsx: file is")
                .hasMessageContaining("governor.policy.max-file-bytes");
    }

    @Test
    void gapInAnOutcomeTableIsAnErrorUnlessTheDefaultIsTheSafest() {
        String unsafe = numericTable("");
        String safe = numericTable("<defaultOutputEntry><text>\"CRITICAL\"</text></defaultOutputEntry>");
        List<Problem> warnings = new ArrayList<>();
        assertThat(DmnLoader.validate(List.of(source("decision-tables/blast-radius.dmn", unsafe)), warnings))
                .anySatisfy(p -> assertThat(p.message()).contains("gap", "safest"));
        warnings.clear();
        assertThat(DmnLoader.validate(List.of(source("decision-tables/blast-radius.dmn", safe)), warnings)).isEmpty();
        assertThat(warnings).extracting(Problem::message).anySatisfy(m -> assertThat(m).containsIgnoringCase("gap"));
        warnings.clear();
        // the same gap in a table that does not decide outcomes is only reported
        assertThat(DmnLoader.validate(List.of(source("decision-tables/notes.dmn", unsafe)), warnings)).isEmpty();
        assertThat(warnings).isNotEmpty();
    }

    @Test
    void shippedTablesLoadWithWarningsReported() {
        var snapshot = KiePolicyEngine.load(Path.of("rules"), Path.of("decision-tables")).current();
        assertThat(snapshot.warnings()).isNotEmpty()
                .allSatisfy(w -> assertThat(w.file()).startsWith("decision-tables/"));
    }

    @Test
    void aFreeTextOutcomeTableWithoutItsCatchAllRowIsRefused() throws Exception {
        copyPolicy();
        Path table = root.resolve("decision-tables/reversibility.dmn");
        String xml = Files.readString(table);
        int from = xml.indexOf("      <rule id=\"rev-unknown\">");
        Files.writeString(table, xml.substring(0, from) + xml.substring(xml.indexOf("</rule>", from) + "</rule>\n".length()));
        assertThat(problems(this::load)).anySatisfy(p -> {
            assertThat(p.file()).isEqualTo("decision-tables/reversibility.dmn");
            assertThat(p.message()).contains("catch-all row", "IRREVERSIBLE");
        });
    }

    @Test
    void warningsComeOneLinePerKindAndFile() {
        var engine = KiePolicyEngine.load(Path.of("rules"), Path.of("decision-tables"));
        var warnings = engine.current().warnings();
        // Summarised: a few kinds per table at most (FIRST and COLLECT tables draw their expected findings).
        long tables = engine.current().files().stream().filter(f -> f.path().endsWith(".dmn")).count();
        assertThat(warnings).hasSizeLessThanOrEqualTo((int) (2 * tables))
                .extracting(w -> w.file() + " " + w.message().substring(0, w.message().indexOf(':')))
                .doesNotHaveDuplicates();
        assertThat(warnings).extracting(Problem::message).noneMatch(m -> m.contains("Gap analysis skipped"));
    }

    private static String numericTable(String defaultOutput) {
        return """
                <definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/" id="d" name="d" namespace="urn:t">
                  <inputData id="i" name="users"><variable id="vi" name="users" typeRef="number"/></inputData>
                  <decision id="dd" name="Blast radius"><variable id="vd" name="Blast radius" typeRef="string"/>
                    <informationRequirement id="ir"><requiredInput href="#i"/></informationRequirement>
                    <decisionTable id="t" hitPolicy="UNIQUE">
                      <input id="in"><inputExpression id="ie" typeRef="number"><text>users</text></inputExpression></input>
                      <output id="o">%s</output>
                      <rule id="r1"><inputEntry id="e1"><text>[0..100)</text></inputEntry><outputEntry id="o1"><text>"LOW"</text></outputEntry></rule>
                      <rule id="r2"><inputEntry id="e2"><text>&gt;= 1000</text></inputEntry><outputEntry id="o2"><text>"HIGH"</text></outputEntry></rule>
                    </decisionTable>
                  </decision>
                </definitions>
                """.formatted(defaultOutput);
    }

    private static PolicyFiles.Source source(String path, String text) {
        return new PolicyFiles.Source(path, PolicyFiles.Kind.DMN, text.getBytes(StandardCharsets.UTF_8), "x");
    }

    private KiePolicyEngine load() {
        return KiePolicyEngine.load(root.resolve("rules"), root.resolve("decision-tables"));
    }

    private static List<Problem> problems(Runnable load) {
        try {
            load.run();
        } catch (PolicyLoadException e) {
            return e.problems();
        }
        throw new AssertionError("the policy was expected to be refused");
    }

    private void copyPolicy() throws Exception {
        for (String dir : List.of("rules", "decision-tables")) {
            Files.createDirectories(root.resolve(dir));
            try (Stream<Path> files = Files.list(Path.of(dir))) {
                for (Path f : files.toList()) Files.copy(f, root.resolve(dir).resolve(f.getFileName()));
            }
        }
    }
}
