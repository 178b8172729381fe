package dev.governor.policy.engine;

import dev.governor.policy.Targets;
import dev.governor.policy.EvaluationInput.AssetFacts;
import dev.governor.policy.PolicyLoadException;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** decision-tables/assets.xlsx, read as the engine reads it: the shipped file, and hostile ones. */
class AssetSheetTest {

    private static final String[] HEADER = {"id", "target", "tier", "dataClass", "criticality", "ownerTeam", "records",
            "users", "monetaryValue"};

    private static PolicyFiles.Source source(byte[] bytes) {
        return new PolicyFiles.Source("decision-tables/assets.xlsx", PolicyFiles.Kind.ASSETS, bytes, "sha");
    }

    /** A sheet with a title row, the header and the given rows (null cells left empty). */
    private static byte[] sheet(String[] header, Object[]... rows) throws Exception {
        try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            XSSFSheet sheet = book.createSheet("Assets");
            sheet.createRow(0).createCell(0).setCellValue("ASSETS — for people");
            Row h = sheet.createRow(2);
            for (int i = 0; i < header.length; i++) h.createCell(i).setCellValue(header[i]);
            for (int r = 0; r < rows.length; r++) {
                Row row = sheet.createRow(3 + r);
                for (int c = 0; c < rows[r].length; c++) {
                    if (rows[r][c] instanceof Number n) row.createCell(c).setCellValue(n.doubleValue());
                    else if (rows[r][c] != null) row.createCell(c).setCellValue(rows[r][c].toString());
                }
            }
            book.write(out);
            return out.toByteArray();
        }
    }

    private static List<AssetFacts> match(AssetSheet sheet, String target) {
        return sheet.matching(Targets.normalise(target), new Trace(java.util.Map.of()));
    }

    @Test
    void theShippedRegisterReadsAndMatchesTheIssuesExample() throws Exception {
        AssetSheet shipped = AssetSheet.read(source(Files.readAllBytes(Path.of("decision-tables/assets.xlsx"))));
        assertThat(shipped.size()).isGreaterThanOrEqualTo(5);
        assertThat(match(shipped, "db/prod-main")).extracting(AssetFacts::source)
                .containsExactly("decision-tables/assets.xlsx#as-prod-databases");
        assertThat(match(shipped, "DB/PROD-main")).hasSize(1);
        assertThat(match(shipped, "db/sandbox-main")).isEmpty();
        assertThat(match(shipped, null)).isEmpty();
    }

    @Test
    void aPatternIsLiteralButForItsStars() throws Exception {
        AssetSheet sheet = AssetSheet.read(source(sheet(HEADER,
                new Object[]{"as-regexy", "a.b(c)+[x]*", "PRODUCTION", "PII", "HIGH", "t", 10, 2, 0},
                new Object[]{"as-middle", "k8s/*/secrets/*", "STAGING", null, null, null, null, null, null})));
        assertThat(match(sheet, "a.b(c)+[x]/anything")).hasSize(1);
        assertThat(match(sheet, "aXb(c)+[x]")).isEmpty();
        assertThat(match(sheet, "abcx")).isEmpty();
        assertThat(match(sheet, "k8s/shop/secrets/db")).extracting(AssetFacts::id).containsExactly("as-middle");
        AssetFacts regexy = match(sheet, "a.b(c)+[x]").get(0);
        assertThat(regexy.records()).isEqualTo(10L);
        assertThat(regexy.monetaryValue()).isEqualByComparingTo("0");
        AssetFacts middle = match(sheet, "k8s/shop/secrets/db").get(0);
        assertThat(middle.records()).as("an empty figure is not registered, never 0").isNull();
        assertThat(middle.dataClass()).isNull();
    }

    @Test
    void everyBadCellIsNamedWithItsRowAndColumn() throws Exception {
        byte[] bad = sheet(HEADER,
                new Object[]{"as-a", "db/a*", "prod", "PII", "HIGH", null, null, null, null},
                new Object[]{"as-b", "db/b*", "PRODUCTION", "SECRETS", "HUGE", null, -1, 1.5, "lots"},
                new Object[]{"as-a", "", "SANDBOX", null, null, null, null, null, null});
        assertThatThrownBy(() -> AssetSheet.read(source(bad)))
                .isInstanceOf(PolicyLoadException.class)
                .satisfies(e -> assertThat(((PolicyLoadException) e).problems()).extracting(Object::toString)
                        .anyMatch(p -> p.contains("row 4 (cell C4)") && p.contains("'PROD' is not one of"))
                        .anyMatch(p -> p.contains("cell D5") && p.contains("SECRETS"))
                        .anyMatch(p -> p.contains("cell E5") && p.contains("HUGE"))
                        .anyMatch(p -> p.contains("cell G5") && p.contains("zero or more"))
                        .anyMatch(p -> p.contains("cell H5"))
                        .anyMatch(p -> p.contains("cell I5"))
                        .anyMatch(p -> p.contains("cell A6") && p.contains("appears twice"))
                        .anyMatch(p -> p.contains("cell B6") && p.contains("target pattern")));
    }

    @Test
    void aSheetWithoutItsHeaderOrColumnsIsRefused() throws Exception {
        assertThatThrownBy(() -> AssetSheet.read(source(sheet(new String[]{"name", "target"}))))
                .isInstanceOf(PolicyLoadException.class).hasMessageContaining("no header row");
        assertThatThrownBy(() -> AssetSheet.read(source(sheet(new String[]{"id", "target", "tier"}))))
                .isInstanceOf(PolicyLoadException.class).hasMessageContaining("the header has no column 'dataClass'");
    }

    @Test
    void bytesThatAreNoWorkbookAreARefusedFileNotACrash() {
        assertThatThrownBy(() -> AssetSheet.read(source(new byte[]{'P', 'K', 3, 4, 1, 2, 3})))
                .isInstanceOf(PolicyLoadException.class).hasMessageContaining("not a readable spreadsheet");
        assertThatThrownBy(() -> AssetSheet.read(source("id,target\n".getBytes())))
                .isInstanceOf(PolicyLoadException.class).hasMessageContaining("decision-tables/assets.xlsx");
    }
}
