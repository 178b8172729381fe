package dev.governor.policy.engine;

import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Maps DRL generated from a spreadsheet back to spreadsheet rows, using the
 * {@code // rule values at A14, header at A9} comments the Drools compiler writes before each rule.
 */
final class SpreadsheetRows {

    private static final Pattern VALUES_AT = Pattern.compile("^// rule values at ([A-Z]+)(\\d+)");
    private static final Pattern RULE = Pattern.compile("^rule \"(.+)\"");

    private SpreadsheetRows() {
    }

    /** Rule name → spreadsheet row number (1-based, as shown by Excel/LibreOffice). */
    static Map<String, Integer> ruleRows(String drl) {
        Map<String, Integer> rows = new HashMap<>();
        Integer row = null;
        for (String line : drl.split("\n")) {
            Matcher at = VALUES_AT.matcher(line.trim());
            if (at.find()) row = Integer.valueOf(at.group(2));
            Matcher rule = RULE.matcher(line.trim());
            if (rule.find() && row != null) rows.put(rule.group(1), row);
        }
        return rows;
    }

    /** "row 14 (cell A14)" for a line of the generated DRL, or the generated line if before any rule. */
    static String locate(String drl, int line) {
        if (drl == null || line <= 0) return null;
        String[] lines = drl.split("\n");
        for (int i = Math.min(line, lines.length) - 1; i >= 0; i--) {
            Matcher at = VALUES_AT.matcher(lines[i].trim());
            if (at.find()) return "row " + at.group(2) + " (cell " + at.group(1) + at.group(2) + ")";
        }
        return "header rows (generated rule line " + line + ")";
    }
}
