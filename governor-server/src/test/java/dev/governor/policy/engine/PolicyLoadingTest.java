package dev.governor.policy.engine;

import dev.governor.policy.AutonomyLevel;
import dev.governor.policy.Evaluation;
import dev.governor.policy.EvaluationInput;
import dev.governor.policy.Outcome;
import dev.governor.policy.PolicyLoadException;
import dev.governor.policy.PolicySnapshot;
import dev.governor.testing.QuietLogger;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PolicyLoadingTest {

    private static final Instant NOW = Instant.parse("2026-11-24T10:00:00Z");

    @TempDir
    Path root;

    @Test
    void snapshotListsEveryFileWithKindAndHash() {
        PolicySnapshot snapshot = KiePolicyEngine.load(Path.of("rules"), Path.of("decision-tables")).current();
        assertThat(snapshot.version()).matches("sha256:[0-9a-f]{64}");
        assertThat(snapshot.files()).extracting(PolicySnapshot.PolicyFile::path)
                .contains("rules/freeze.drl", "rules/combining.drl", "decision-tables/reversibility.dmn",
                        "decision-tables/governance-gate.dmn", "decision-tables/data-freshness.xlsx")
                .isSorted();
        assertThat(snapshot.files()).extracting(PolicySnapshot.PolicyFile::kind).contains("DRL", "DMN", "XLSX");
        assertThat(snapshot.files()).allSatisfy(f -> assertThat(f.sha256()).matches("[0-9a-f]{64}"));
    }

    @Test
    void sameFilesSameVersion() throws Exception {
        copyPolicy();
        String shipped = KiePolicyEngine.load(Path.of("rules"), Path.of("decision-tables")).current().version();
        assertThat(load().current().version()).isEqualTo(shipped);
    }

    @Test
    void editingASpreadsheetCellChangesVersionAndBehaviour() throws Exception {
        copyPolicy();
        KiePolicyEngine before = load();
        assertThat(before.evaluate(staleInventoryAdjust()).outcome()).isEqualTo(Outcome.DENY);

        setFreshnessLimit("inventory-db", 24 * 60);
        KiePolicyEngine after = load();

        assertThat(after.current().version()).isNotEqualTo(before.current().version());
        assertThat(after.current().files()).filteredOn(f -> f.path().equals("decision-tables/data-freshness.xlsx"))
                .singleElement().extracting(PolicySnapshot.PolicyFile::sha256)
                .isNotEqualTo(sha(before, "decision-tables/data-freshness.xlsx"));
        assertThat(after.evaluate(staleInventoryAdjust()).outcome()).isEqualTo(Outcome.ALLOW);
    }

    @Test
    void editingADmnRowChangesVersion() throws Exception {
        copyPolicy();
        String before = load().current().version();
        Path gate = root.resolve("decision-tables/governance-gate.dmn");
        Files.writeString(gate, Files.readString(gate).replace("&gt;= 10000", "&gt;= 20000"));
        Path radius = root.resolve("decision-tables/blast-radius.dmn");
        Files.writeString(radius, Files.readString(radius).replace("&gt;= 10000", "&gt;= 20000"));
        assertThat(load().current().version()).isNotEqualTo(before);
    }

    @Test
    void brokenDrlNamesFileAndLine() throws Exception {
        copyPolicy();
        Files.writeString(root.resolve("rules/broken.drl"), """
                package governor.rules;
                import dev.governor.policy.engine.facts.*;

                rule "broken-rule"
                when
                    ActionFact( nosuchfield == 1 )
                then
                end
                """);
        assertThatThrownBy(this::load)
                .isInstanceOf(PolicyLoadException.class)
                .hasMessageContaining("rules/broken.drl")
                .satisfies(e -> assertThat(((PolicyLoadException) e).problems())
                        .anySatisfy(p -> {
                            assertThat(p.file()).isEqualTo("rules/broken.drl");
                            assertThat(p.location()).startsWith("line ");
                            assertThat(p.message()).contains("nosuchfield");
                        }));
    }

    @Test
    void drlSyntaxErrorNamesFile() throws Exception {
        copyPolicy();
        Files.writeString(root.resolve("rules/freeze.drl"), "package governor.rules;\nrule \"x\" when then");
        assertThatThrownBy(this::load).isInstanceOf(PolicyLoadException.class)
                .hasMessageContaining("rules/freeze.drl line ");
    }

    @Test
    void malformedDmnNamesFile() throws Exception {
        copyPolicy();
        Path gate = root.resolve("decision-tables/governance-gate.dmn");
        Files.writeString(gate, Files.readString(gate).replace("</decisionTable>", ""));
        assertThatThrownBy(this::load).isInstanceOf(PolicyLoadException.class)
                .hasMessageContaining("decision-tables/governance-gate.dmn line ")
                .hasMessageContaining("decisionTable");
    }

    @Test
    void invalidFeelInDmnNamesFileAndElement() throws Exception {
        copyPolicy();
        Path radius = root.resolve("decision-tables/blast-radius.dmn");
        Files.writeString(radius, Files.readString(radius).replace("<text>&gt;= 10000</text>", "<text>&gt;= = 10000 ((</text>"));
        // KIE logs the broken expression as an ERROR with a stack trace; the load problem says it.
        try (var quiet = QuietLogger.quiet("org.kie.dmn.core.compiler.DMNFEELHelper")) {
            assertThatThrownBy(this::load).isInstanceOf(PolicyLoadException.class)
                    .hasMessageContaining("decision-tables/blast-radius.dmn")
                    .satisfies(e -> assertThat(((PolicyLoadException) e).problems())
                            .allSatisfy(p -> assertThat(p.file()).isEqualTo("decision-tables/blast-radius.dmn")));
        }
    }

    @Test
    void missingRequiredTableIsNamed() throws Exception {
        copyPolicy();
        Files.delete(root.resolve("decision-tables/reversibility.dmn"));
        assertThatThrownBy(this::load).isInstanceOf(PolicyLoadException.class)
                .hasMessageContaining("decision-tables/reversibility.dmn: required decision table is missing");
    }

    @Test
    void missingCombiningRuleFailsLoad() throws Exception {
        copyPolicy();
        Files.delete(root.resolve("rules/combining.drl"));
        assertThatThrownBy(this::load).isInstanceOf(PolicyLoadException.class)
                .hasMessageContaining("global");
    }

    @Test
    void brokenSpreadsheetRowNamesFileAndRow() throws Exception {
        copyPolicy();
        setFreshnessLimitText("erp", "sixty");
        assertThatThrownBy(this::load).isInstanceOf(PolicyLoadException.class)
                .hasMessageContaining("decision-tables/data-freshness.xlsx row ");
    }

    private KiePolicyEngine load() {
        return KiePolicyEngine.load(root.resolve("rules"), root.resolve("decision-tables"));
    }

    private void copyPolicy() throws Exception {
        for (String dir : List.of("rules", "decision-tables")) {
            Files.createDirectories(root.resolve(dir));
            try (Stream<Path> files = Files.list(Path.of(dir))) {
                for (Path f : files.toList()) Files.copy(f, root.resolve(dir).resolve(f.getFileName()));
            }
        }
    }

    private void setFreshnessLimit(String source, double minutes) throws Exception {
        editFreshnessRow(source, row -> row.getCell(3).setCellValue(minutes));
    }

    private void setFreshnessLimitText(String source, String text) throws Exception {
        editFreshnessRow(source, row -> row.getCell(3).setCellValue(text));
    }

    private void editFreshnessRow(String source, java.util.function.Consumer<Row> edit) throws Exception {
        Path file = root.resolve("decision-tables/data-freshness.xlsx");
        Workbook wb;
        try (InputStream in = Files.newInputStream(file)) {
            wb = new XSSFWorkbook(in);
        }
        Sheet sheet = wb.getSheetAt(0);
        for (Row row : sheet) {
            if (row.getCell(2) != null && source.equals(row.getCell(2).toString())) edit.accept(row);
        }
        try (OutputStream out = Files.newOutputStream(file)) {
            wb.write(out);
        }
        wb.close();
    }

    private static String sha(KiePolicyEngine engine, String path) {
        return engine.current().files().stream().filter(f -> f.path().equals(path)).findFirst().orElseThrow().sha256();
    }

    private static EvaluationInput staleInventoryAdjust() {
        var agent = new EvaluationInput.AgentFacts("auto", false, AutonomyLevel.AUTONOMOUS, Set.of("sandbox"), Set.of("*:*"));
        var action = new EvaluationInput.ActionFacts("inventory.adjust", "sandbox", "sku-1", 0L, 0L, BigDecimal.ZERO, null);
        var input = new EvaluationInput.InputFacts("inventory-db", "stock.sku-1", BigDecimal.TEN, NOW.minusSeconds(3 * 3600));
        return new EvaluationInput("auto", agent, action, List.of(input), List.of(), NOW);
    }

    static Evaluation evaluate(KiePolicyEngine engine, EvaluationInput input) {
        return engine.evaluate(input);
    }
}
