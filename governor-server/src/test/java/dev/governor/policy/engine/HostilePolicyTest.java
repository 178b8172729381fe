package dev.governor.policy.engine;

import dev.governor.testing.Build;
import dev.governor.policy.PolicyLoadException;
import dev.governor.policy.PolicyLoadException.Problem;
import dev.governor.policy.cli.PolicyCli;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.apache.poi.ss.util.CellReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every file under {@code src/test/resources/hostile/} is what a hostile policy author would
 * place in {@code rules/} or {@code decision-tables/} (a {@code .cell} file edits cells of a
 * shipped spreadsheet). Each must be refused, naming the file and the construct its
 * {@code EXPECT:} line gives, and nothing in it may run: each tries to create a marker file or
 * set a marker system property (or stop the JVM, which would end this test run).
 */
public class HostilePolicyTest {

    public static final Path HOSTILE = Path.of("governor-server/src/test/resources/hostile");
    static final String MARKER_PROPERTY = "governor.hostile.marker";

    @AfterEach
    void nothingRan() {
        assertNothingRan(HostilePolicy.marker());
    }

    @TestFactory
    Stream<DynamicTest> everyHostileFileIsRefusedAtLoadNamingItAndTheConstruct() throws IOException {
        List<Path> files = HostilePolicy.all();
        assertThat(files).hasSizeGreaterThanOrEqualTo(25);
        return files.stream().map(f -> DynamicTest.dynamicTest(f.getFileName().toString(), () -> {
            HostilePolicy policy = HostilePolicy.install(f, Files.createTempDirectory(Build.dir(), "hostile-"));
            List<Problem> problems = refusal(policy);
            assertThat(problems).as("problems for " + f).anySatisfy(p -> {
                assertThat(p.file()).isEqualTo(policy.path());
                assertThat(p.toString()).contains(policy.expect());
            });
            assertNothingRan(HostilePolicy.marker());
        }));
    }

    /** One of each kind (rule, spreadsheet cell, DMN cell, literal, BKM); the load path is the same. */
    @TestFactory
    Stream<DynamicTest> theCliRefusesHostileFilesWithExitCode2() {
        return Stream.of("drl-processbuilder-fqn.drl", "drl-system-exit-unicode.drl", "xlsx-cell-processbuilder.cell",
                "dmn-cell-external-setproperty.dmn", "dmn-literal-entity-spelled.dmn", "dmn-bkm-java-kind.dmn")
                .map(HOSTILE::resolve).map(f -> DynamicTest.dynamicTest(f.getFileName().toString(), () -> {
            HostilePolicy policy = HostilePolicy.install(f, Files.createTempDirectory(Build.dir(), "hostile-cli-"));
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            PolicyCli cli = new PolicyCli(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                    new PrintStream(err, true, StandardCharsets.UTF_8));
            int exit = cli.run("policy", "test", "--rules", policy.root().resolve("rules").toString(),
                    "--tables", policy.root().resolve("decision-tables").toString(), "--tests", "policy-tests");
            assertThat(exit).isEqualTo(PolicyCli.BROKEN);
            assertThat(err.toString(StandardCharsets.UTF_8)).contains(policy.path(), policy.expect());
            assertNothingRan(HostilePolicy.marker());
        }));
    }

    @Test
    void aRefusalSaysInAuthorWordsWhatIsAllowed() throws IOException {
        HostilePolicy policy = HostilePolicy.install(HOSTILE.resolve("drl-java-beans-expression.drl"),
                Files.createTempDirectory(Build.dir(), "hostile-"));
        assertThat(refusal(policy)).extracting(Problem::toString).anySatisfy(m -> assertThat(m)
                .startsWith("rules/drl-java-beans-expression.drl line 10: uses java.beans.Expression, which a rule may not use;"
                        + " allowed: Governor fact types"));
    }

    public static void assertNothingRan(Path marker) {
        assertThat(marker).as("a hostile policy ran code: it created the marker file").doesNotExist();
        assertThat(System.getProperty(marker.toString())).as("a hostile policy ran code: it set the marker property").isNull();
    }

    private static List<Problem> refusal(HostilePolicy policy) {
        try {
            KiePolicyEngine.load(policy.root().resolve("rules"), policy.root().resolve("decision-tables"));
        } catch (PolicyLoadException e) {
            return e.problems();
        }
        throw new AssertionError(policy.path() + " was loaded");
    }

    /** A copy of the shipped policy with one hostile file added (or one spreadsheet edited). */
    public record HostilePolicy(Path root, String path, String expect) {

        /** Where a payload that ran would leave its trace; also the name of the marker property. */
        public static Path marker() {
            return Build.path("hostile-marker").toAbsolutePath();
        }

        public static List<Path> all() throws IOException {
            try (Stream<Path> files = Files.list(HOSTILE)) {
                return files.sorted().toList();
            }
        }

        public static HostilePolicy install(Path hostile, Path root) throws IOException {
            for (String dir : List.of("rules", "decision-tables")) {
                Files.createDirectories(root.resolve(dir));
                try (Stream<Path> files = Files.list(Path.of(dir))) {
                    for (Path f : files.toList()) Files.copy(f, root.resolve(dir).resolve(f.getFileName()));
                }
            }
            List<String> lines = Files.readAllLines(hostile).stream()
                    .map(l -> l.replace("MARKER", marker().toString())).toList();
            String expect = lines.stream().filter(l -> l.contains("EXPECT: ")).findFirst().orElseThrow()
                    .replaceAll(".*EXPECT: ", "").replace(" -->", "").trim();
            String name = hostile.getFileName().toString();
            if (name.endsWith(".drl")) {
                Files.write(root.resolve("rules").resolve(name), lines);
                return new HostilePolicy(root, "rules/" + name, expect);
            }
            if (name.endsWith(".dmn")) {
                Files.write(root.resolve("decision-tables").resolve(name), lines);
                return new HostilePolicy(root, "decision-tables/" + name, expect);
            }
            String sheet = lines.stream().filter(l -> l.startsWith("SHEET: ")).findFirst().orElseThrow().substring(7);
            Path xlsx = root.resolve("decision-tables").resolve(sheet);
            editCells(xlsx, lines.stream().filter(l -> l.startsWith("SET ")).toList());
            return new HostilePolicy(root, "decision-tables/" + sheet, expect);
        }

        private static void editCells(Path xlsx, List<String> sets) throws IOException {
            Workbook wb;
            try (InputStream in = Files.newInputStream(xlsx)) {
                wb = WorkbookFactory.create(in);
            }
            Sheet sheet = wb.getSheetAt(0);
            for (String set : sets) {
                String[] parts = set.split(" ", 3);
                CellReference ref = new CellReference(parts[1]);
                Row row = sheet.getRow(ref.getRow()) == null ? sheet.createRow(ref.getRow()) : sheet.getRow(ref.getRow());
                Cell cell = row.getCell(ref.getCol()) == null ? row.createCell(ref.getCol()) : row.getCell(ref.getCol());
                cell.setCellValue(parts[2]);
            }
            try (OutputStream out = Files.newOutputStream(xlsx)) {
                wb.write(out);
            }
            wb.close();
        }
    }
}
