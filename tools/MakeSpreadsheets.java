/*
 * Generates the spreadsheet decision tables decision-tables/data-freshness.xlsx and
 * decision-tables/data-agreement.xlsx. They are policy sources in their own right: once
 * generated, compliance staff edit them in LibreOffice/Excel and this program is only needed
 * to recreate them from scratch (it overwrites both files).
 *
 * Run from the repository root (Java 17, single-file source launcher; POI comes with
 * drools-decisiontables):
 *   java -cp "$(./mvnw -q dependency:build-classpath -Dmdep.outputFile=/dev/stdout)" \
 *        tools/MakeSpreadsheets.java [output-dir, default decision-tables]
 *
 * Layout (Drools decision-table format): title and explanation rows, then RuleSet/Import,
 * then a RuleTable whose NAME column gives every row a stable rule name (the id printed in
 * decisions, e.g. decision-tables/data-freshness.xlsx#freshness-inventory-db) and whose
 * PRIORITY column makes a named row win over the DEFAULT row ("*").
 */

import org.apache.poi.ss.usermodel.*;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

public class MakeSpreadsheets {

    private static final String PACKAGE = "governor.tables";
    private static final String IMPORTS = "dev.governor.policy.engine.facts.*";
    private static final String RULE_ID = "drools.getRule().getName(), drools.getMatch().getSalience()";

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args.length > 0 ? args[0] : "decision-tables");
        Files.createDirectories(dir);
        write(dir.resolve("data-freshness.xlsx"), freshness());
        write(dir.resolve("data-agreement.xlsx"), agreement());
    }

    record Table(String sheet, String title, List<String> explanation, String tableName,
                 List<String> keywords, List<String> objectTypes, List<String> snippets,
                 List<String> labels, List<Object[]> rows, int[] widths) {
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
                List.of(
                        new Object[]{"freshness-inventory-db", 10, "inventory-db", 15},
                        new Object[]{"freshness-warehouse-scanner", 10, "warehouse-scanner", 5},
                        new Object[]{"freshness-erp", 10, "erp", 60},
                        new Object[]{"freshness-weather-feed", 10, "weather-feed", 30},
                        new Object[]{"freshness-pricing-api", 10, "pricing-api", 10},
                        new Object[]{"freshness-fx-rates", 10, "fx-rates", 15},
                        new Object[]{"freshness-payment-gateway", 10, "payment-gateway", 2},
                        new Object[]{"freshness-shipment-tracking", 10, "shipment-tracking", 30},
                        new Object[]{"freshness-supplier-portal", 10, "supplier-portal", 240},
                        new Object[]{"freshness-crm", 10, "crm", 1440},
                        new Object[]{"freshness-metrics", 10, "metrics", 5},
                        new Object[]{"freshness-default", 0, "*", 60}),
                new int[]{30, 22, 24, 24});
    }

    static Table agreement() {
        String kind = "MetricLimit.Kind.";
        return new Table("data-agreement",
                "Data agreement: how far may two sources disagree, and what values are plausible?",
                List.of("Metric family = the metric name up to the first dot (stock.sku-123 -> stock). When two sources report the"
                                + " same metric and differ by more than the tolerance (% of the larger value): REQUIRE_APPROVAL / DATA_CONFLICT.",
                        "A value below the minimum or above the maximum is REQUIRE_APPROVAL / DATA_ANOMALY; leave a cell empty for no bound."
                                + " Families not listed use the DEFAULT row (*); a named row (priority 10) beats DEFAULT (priority 0).",
                        "To edit: change a number, or copy a row and change row id and family. The grey rows are for the rule engine; leave them."),
                "data-agreement",
                List.of("NAME", "PRIORITY", "CONDITION", "ACTION", "ACTION", "ACTION"),
                List.of("", "", "$f : MetricFamily", "", "", ""),
                List.of("", "", "matches(\"$param\")",
                        "insert(new MetricLimit($f, " + kind + "TOLERANCE_PERCENT, $param, " + RULE_ID + "));",
                        "insert(new MetricLimit($f, " + kind + "MINIMUM, $param, " + RULE_ID + "));",
                        "insert(new MetricLimit($f, " + kind + "MAXIMUM, $param, " + RULE_ID + "));"),
                List.of("Row id", "Priority (higher wins)", "Metric family", "Tolerance between sources (%)",
                        "Plausible minimum", "Plausible maximum"),
                List.of(
                        new Object[]{"agreement-stock", 10, "stock", 5, 0, null},
                        new Object[]{"agreement-price", 10, "price", 2, 0, null},
                        new Object[]{"agreement-demand", 10, "demand", 15, 0, null},
                        new Object[]{"agreement-fx", 10, "fx", 0.5, 0, null},
                        new Object[]{"agreement-temperature", 10, "temperature", 10, -90, 60},
                        new Object[]{"agreement-wind", 10, "wind", 15, 0, 400},
                        new Object[]{"agreement-eta", 10, "eta", 20, 0, null},
                        new Object[]{"agreement-error-rate", 10, "error_rate", 10, 0, 100},
                        new Object[]{"agreement-latency", 10, "latency", 20, 0, null},
                        new Object[]{"agreement-balance", 10, "balance", 0.1, null, null},
                        new Object[]{"agreement-default", 0, "*", 10, null, null}),
                new int[]{28, 22, 18, 30, 20, 20});
    }

    static void write(Path file, Table t) throws Exception {
        try (Workbook wb = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(file)) {
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
            r = line(sheet, r, t.labels(), bold);
            for (Object[] values : t.rows()) {
                Row row = sheet.createRow(r++);
                for (int c = 0; c < values.length; c++) {
                    if (values[c] instanceof Number n) row.createCell(c).setCellValue(n.doubleValue());
                    else if (values[c] != null) row.createCell(c).setCellValue(values[c].toString());
                }
            }
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
