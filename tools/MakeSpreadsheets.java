/*
 * Writes an EMPTY spreadsheet decision table in the layout Governor reads, to start a new file.
 * The shipped decision-tables/data-freshness.xlsx and data-agreement.xlsx are policy sources in
 * their own right: compliance staff edit their rows in LibreOffice/Excel and nothing regenerates
 * them. This program holds no rows, and it never overwrites a file.
 *
 * Run from the repository root (Java 17, single-file source launcher; POI comes with
 * drools-decisiontables):
 *   java -cp "$(./mvnw -q dependency:build-classpath -Dmdep.outputFile=/dev/stdout)" \
 *        tools/MakeSpreadsheets.java freshness|agreement <new-file.xlsx>
 *
 * Layout (Drools decision-table format): title and explanation rows, then RuleSet/Import,
 * then a RuleTable whose NAME column gives every row a stable rule name (the id printed in
 * decisions, e.g. decision-tables/data-freshness.xlsx#freshness-inventory-db) and whose
 * PRIORITY column makes a named row win over the DEFAULT row ("*"). Add the rows below the
 * bold label row; a table without a DEFAULT row ("*") denies every input of an unlisted source.
 */

import org.apache.poi.ss.usermodel.*;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import java.io.OutputStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

public class MakeSpreadsheets {

    private static final String PACKAGE = "governor.tables";
    private static final String IMPORTS = "dev.governor.policy.engine.facts.*";
    private static final String RULE_ID = "drools.getRule().getName(), drools.getMatch().getSalience()";

    public static void main(String[] args) throws Exception {
        if (args.length != 2 || !List.of("freshness", "agreement").contains(args[0])) {
            System.err.println("usage: MakeSpreadsheets freshness|agreement <new-file.xlsx>");
            System.exit(2);
        }
        Path file = Path.of(args[1]);
        try {
            write(file, args[0].equals("freshness") ? freshness() : agreement());
        } catch (FileAlreadyExistsException e) {
            System.err.println(file + " exists; this tool never overwrites a spreadsheet (edit it instead)");
            System.exit(1);
        }
        System.out.println("wrote an empty " + args[0] + " table to " + file);
    }

    record Table(String sheet, String title, List<String> explanation, String tableName,
                 List<String> keywords, List<String> objectTypes, List<String> snippets,
                 List<String> labels, int[] widths) {
    }

    static Table freshness() {
        return new Table("data-freshness",
                "Data freshness: how old may the data be that an agent acts on?",
                List.of("For every input of a mutating action, the row of its source gives the maximum age in minutes;"
                                + " older data is DENY / DATA_STALE (rules/data-quality.drl#data-stale).",
                        "Sources not listed use the DEFAULT row (source *). A named row has priority 10 and beats DEFAULT (priority 0).",
                        "To edit: change a number, or copy a row and change row id and source. Row ids must be unique;"
                                + " they appear in every decision's reasons. The grey rows are for the rule engine; leave them."),
                "data-freshness",
                List.of("NAME", "PRIORITY", "CONDITION", "ACTION"),
                List.of("", "", "$i : InputFact", ""),
                List.of("", "", "matchesSource(\"$param\")",
                        "insert(new FreshnessLimit($i, $param, " + RULE_ID + "));"),
                List.of("Row id", "Priority (higher wins)", "Input source", "Maximum age (minutes)"),
                new int[]{30, 22, 24, 24});
    }

    static Table agreement() {
        String kind = "MetricLimit.Kind.";
        return new Table("data-agreement",
                "Data agreement: how far may two sources disagree, and what values are plausible?",
                List.of("Metric family = the metric name up to the first dot (stock.sku-123 -> stock). When two sources report the"
                                + " same metric and differ by more than the tolerance (% of the larger value): REQUIRE_APPROVAL / DATA_CONFLICT.",
                        "A value below the minimum or above the maximum is REQUIRE_APPROVAL / DATA_ANOMALY. Against the metric's"
                                + " own history (the last values Governor accepted from the same source for the same metric): a jump from"
                                + " the last value by more than the jump factor (10 = ten times larger or smaller; a change of sign, or from"
                                + " or to zero, always counts), or a z-score (distance from the mean in standard deviations) above the limit"
                                + " once the history holds enough values, is also REQUIRE_APPROVAL / DATA_ANOMALY. A value with no history is"
                                + " judged by the range alone.",
                        "Families not listed use the DEFAULT row (*); a named row (priority 10) beats DEFAULT (priority 0), and an"
                                + " empty cell falls back to the DEFAULT row's (empty there too: no such check). To edit: change a number,"
                                + " or copy a row and change row id and family. The grey rows are for the rule engine; leave them."),
                "data-agreement",
                List.of("NAME", "PRIORITY", "CONDITION", "ACTION", "ACTION", "ACTION", "ACTION", "ACTION", "ACTION"),
                List.of("", "", "$f : MetricFamily", "", "", "", "", "", ""),
                List.of("", "", "matches(\"$param\")",
                        "insert(new MetricLimit($f, " + kind + "TOLERANCE_PERCENT, $param, " + RULE_ID + "));",
                        "insert(new MetricLimit($f, " + kind + "MINIMUM, $param, " + RULE_ID + "));",
                        "insert(new MetricLimit($f, " + kind + "MAXIMUM, $param, " + RULE_ID + "));",
                        "insert(new MetricLimit($f, " + kind + "JUMP_FACTOR, $param, " + RULE_ID + "));",
                        "insert(new MetricLimit($f, " + kind + "Z_SCORE, $param, " + RULE_ID + "));",
                        "insert(new MetricLimit($f, " + kind + "HISTORY_FOR_Z_SCORE, $param, " + RULE_ID + "));"),
                List.of("Row id", "Priority (higher wins)", "Metric family", "Tolerance between sources (%)",
                        "Plausible minimum", "Plausible maximum", "Jump factor from the last value (x)", "Z-score limit",
                        "Values needed for a z-score"),
                new int[]{28, 22, 18, 30, 20, 20, 34, 26, 26});
    }

    static void write(Path file, Table t) throws Exception {
        try (Workbook wb = new XSSFWorkbook();
             OutputStream out = Files.newOutputStream(file, StandardOpenOption.CREATE_NEW)) {
            Sheet sheet = wb.createSheet(t.sheet());
            CellStyle title = style(wb, true, (short) 14, null);
            CellStyle bold = style(wb, true, (short) 11, IndexedColors.GREY_25_PERCENT);
            CellStyle code = style(wb, false, (short) 8, null);
            Font grey = wb.createFont();
            grey.setColor(IndexedColors.GREY_50_PERCENT.getIndex());
            grey.setFontHeightInPoints((short) 8);
            code.setFont(grey);
            int last = t.keywords().size() - 1;

            int r = 0;
            cell(sheet, r++, 0, t.title(), title);
            for (String line : t.explanation()) {
                cell(sheet, r, 0, line, null);
                sheet.addMergedRegion(new CellRangeAddress(r, r, 0, last));
                sheet.getRow(r).setHeightInPoints(30);
                sheet.getRow(r++).getCell(0).setCellStyle(wrap(wb));
            }
            r++;
            cell(sheet, r, 0, "RuleSet", code);
            cell(sheet, r++, 1, PACKAGE, code);
            cell(sheet, r, 0, "Import", code);
            cell(sheet, r++, 1, IMPORTS, code);
            r++;
            cell(sheet, r++, 0, "RuleTable " + t.tableName(), bold);
            r = line(sheet, r, t.keywords(), code);
            r = line(sheet, r, t.objectTypes(), code);
            r = line(sheet, r, t.snippets(), code);
            line(sheet, r, t.labels(), bold);
            for (int c = 0; c < t.widths().length; c++) sheet.setColumnWidth(c, t.widths()[c] * 256);
            wb.write(out);
        }
    }

    static CellStyle style(Workbook wb, boolean boldFont, short size, IndexedColors fill) {
        CellStyle style = wb.createCellStyle();
        Font font = wb.createFont();
        font.setBold(boldFont);
        font.setFontHeightInPoints(size);
        style.setFont(font);
        if (fill != null) {
            style.setFillForegroundColor(fill.getIndex());
            style.setFillPattern(FillPatternType.SOLID_FOREGROUND);
        }
        return style;
    }

    static CellStyle wrap(Workbook wb) {
        CellStyle style = wb.createCellStyle();
        style.setWrapText(true);
        return style;
    }

    static int line(Sheet sheet, int r, List<String> values, CellStyle style) {
        for (int c = 0; c < values.size(); c++) cell(sheet, r, c, values.get(c), style);
        return r + 1;
    }

    static void cell(Sheet sheet, int r, int c, String value, CellStyle style) {
        Row row = sheet.getRow(r) == null ? sheet.createRow(r) : sheet.getRow(r);
        Cell cell = row.createCell(c);
        cell.setCellValue(value);
        if (style != null) cell.setCellStyle(style);
    }
}
