package dev.governor.policy.engine;

import dev.governor.policy.Targets;
import dev.governor.policy.BlastRadius;
import dev.governor.policy.DataClass;
import dev.governor.policy.EnvironmentTier;
import dev.governor.policy.Evaluation.Firing;
import dev.governor.policy.EvaluationInput.AssetFacts;
import dev.governor.policy.PolicyLoadException;
import dev.governor.policy.PolicyLoadException.Problem;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * {@code decision-tables/assets.xlsx}: the organisation's register of targets, as data (it is
 * not compiled into rules). The rows above the header row (its first cell is {@code id}) are the
 * file's header for people; every row below is one asset, until the first empty row. A target
 * pattern matches as {@link Targets#matches} says, the same rule as for assets registered through
 * /v1/assets. The file is optional: without it
 * only the assets registered through {@code /v1/assets} are known.
 */
final class AssetSheet {

    static final AssetSheet EMPTY = new AssetSheet(List.of());

    static final List<String> COLUMNS = List.of("id", "target", "tier", "dataClass", "criticality", "ownerTeam",
            "records", "users", "monetaryValue");
    private static final int MAX_ROWS = 10_000;

    /** @param pattern the target pattern, normalised once when the sheet is read */
    private record Entry(String pattern, AssetFacts asset, String file, int rowNumber) {
    }

    private final List<Entry> entries;

    private AssetSheet(List<Entry> entries) {
        this.entries = List.copyOf(entries);
    }

    int size() {
        return entries.size();
    }

    /** The registered assets whose pattern matches the normalised target, in sheet order, each traced as a row. */
    List<AssetFacts> matching(String normalisedTarget, Trace trace) {
        if (normalisedTarget.isEmpty()) return List.of();
        List<AssetFacts> matched = new ArrayList<>();
        for (Entry e : entries) {
            if (!Targets.globMatches(e.pattern(), normalisedTarget)) continue;
            trace.add(new Firing(Firing.Kind.TABLE_ROW, e.file(), "Assets", e.asset().id(), e.rowNumber(), null, null));
            matched.add(e.asset());
        }
        return matched;
    }

    static AssetSheet read(PolicyFiles.Source source) {
        List<Problem> problems = new ArrayList<>();
        List<Entry> entries = new ArrayList<>();
        try (Workbook book = new XSSFWorkbook(new ByteArrayInputStream(source.bytes()))) {
            Sheet sheet = book.getSheetAt(0);
            DataFormatter format = new DataFormatter(Locale.ROOT);
            Map<String, Integer> columns = null;
            Set<String> ids = new HashSet<>();
            for (int r = sheet.getFirstRowNum(); r <= sheet.getLastRowNum(); r++) {
                Row row = sheet.getRow(r);
                if (columns == null) {
                    if (row != null && "id".equalsIgnoreCase(text(row, 0, format))) columns = header(row, format, source, problems);
                    if (!problems.isEmpty()) break;
                    continue;
                }
                if (row == null || text(row, columns.get("id"), format).isEmpty() && text(row, columns.get("target"), format).isEmpty()) break;
                if (entries.size() >= MAX_ROWS) {
                    problems.add(new Problem(source.path(), "row " + (r + 1), "more than " + MAX_ROWS + " assets"));
                    break;
                }
                Entry entry = entry(row, columns, format, source.path(), problems, ids);
                if (entry != null) entries.add(entry);
            }
            if (columns == null) {
                problems.add(new Problem(source.path(), null, "no header row: its first cell must be 'id', followed by "
                        + String.join(", ", COLUMNS)));
            }
        } catch (PolicyLoadException e) {
            throw e;
        } catch (Exception e) { // any unreadable workbook is a refused file, never a crash
            problems.add(new Problem(source.path(), null, "not a readable spreadsheet: " + e.getMessage()));
        }
        if (!problems.isEmpty()) throw new PolicyLoadException(problems);
        return new AssetSheet(entries);
    }

    private static Map<String, Integer> header(Row row, DataFormatter format, PolicyFiles.Source source, List<Problem> problems) {
        Map<String, Integer> columns = new HashMap<>();
        for (int c = 0; c < row.getLastCellNum(); c++) {
            String name = text(row, c, format);
            for (String n : COLUMNS) if (n.equalsIgnoreCase(name)) columns.put(n, c);
        }
        for (String n : COLUMNS) {
            if (!columns.containsKey(n)) {
                problems.add(new Problem(source.path(), "row " + (row.getRowNum() + 1), "the header has no column '" + n + "'"));
            }
        }
        return columns;
    }

    private static Entry entry(Row row, Map<String, Integer> columns, DataFormatter format, String file,
                               List<Problem> problems, Set<String> ids) {
        int before = problems.size();
        String id = text(row, columns.get("id"), format);
        String target = text(row, columns.get("target"), format);
        if (id.isEmpty()) problems.add(problem(file, row, columns.get("id"), "every asset needs an id"));
        else if (!ids.add(id)) problems.add(problem(file, row, columns.get("id"), "id " + id + " appears twice"));
        if (target.isEmpty()) problems.add(problem(file, row, columns.get("target"), "every asset needs a target pattern"));
        EnvironmentTier tier = choice(row, columns.get("tier"), format, file, problems, EnvironmentTier.class);
        BlastRadius criticality = choice(row, columns.get("criticality"), format, file, problems, BlastRadius.class);
        DataClass dataClass = choice(row, columns.get("dataClass"), format, file, problems, DataClass.class);
        BigDecimal records = number(row, columns.get("records"), true, format, file, problems);
        BigDecimal users = number(row, columns.get("users"), true, format, file, problems);
        BigDecimal money = number(row, columns.get("monetaryValue"), false, format, file, problems);
        if (problems.size() > before) return null;
        String owner = text(row, columns.get("ownerTeam"), format);
        return new Entry(Targets.normalise(target), asset(id, target, tier, dataClass, criticality, owner, records, users, money, file),
                file, row.getRowNum() + 1);
    }

    private static AssetFacts asset(String id, String target, EnvironmentTier tier, DataClass dataClass,
                                    BlastRadius criticality, String owner, BigDecimal records, BigDecimal users,
                                    BigDecimal money, String file) {
        return new AssetFacts(id, target, tier, dataClass == null ? null : dataClass.name(),
                criticality == null ? null : criticality.name(), owner.isEmpty() ? null : owner,
                records == null ? null : records.longValueExact(), users == null ? null : users.longValueExact(), money,
                file + "#" + id);
    }

    private static <E extends Enum<E>> E choice(Row row, int column, DataFormatter format, String file,
                                                 List<Problem> problems, Class<E> type) {
        String value = text(row, column, format).toUpperCase(Locale.ROOT);
        if (value.isEmpty()) return null;
        try {
            return Enum.valueOf(type, value);
        } catch (IllegalArgumentException e) {
            problems.add(problem(file, row, column, "'" + value + "' is not one of "
                    + Arrays.stream(type.getEnumConstants()).map(Enum::name).toList()));
            return null;
        }
    }

    /** A figure left empty is not registered (the declared one stands alone); a negative or fractional count is refused. */
    private static BigDecimal number(Row row, int column, boolean whole, DataFormatter format, String file,
                                     List<Problem> problems) {
        Cell cell = row.getCell(column);
        String text = text(row, column, format).replace(",", "").replace("_", "");
        if (text.isEmpty()) return null;
        try {
            BigDecimal value = cell != null && cell.getCellType() == CellType.NUMERIC
                    ? BigDecimal.valueOf(cell.getNumericCellValue()) : new BigDecimal(text);
            if (value.signum() < 0) throw new NumberFormatException();
            if (whole && value.stripTrailingZeros().scale() > 0) throw new NumberFormatException();
            return value.stripTrailingZeros().scale() <= 0 ? value.setScale(0) : value;
        } catch (NumberFormatException | ArithmeticException e) {
            problems.add(problem(file, row, column, "'" + text + "' is not a number of zero or more (leave the cell empty for unknown)"));
            return null;
        }
    }

    private static String text(Row row, int column, DataFormatter format) {
        Cell cell = row == null ? null : row.getCell(column);
        return cell == null ? "" : format.formatCellValue(cell).trim();
    }

    private static Problem problem(String file, Row row, int column, String message) {
        String cell = new CellReference(row.getRowNum(), column).formatAsString(false);
        return new Problem(file, "row " + (row.getRowNum() + 1) + " (cell " + cell + ")", message);
    }
}
