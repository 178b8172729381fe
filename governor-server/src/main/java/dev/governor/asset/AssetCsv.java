package dev.governor.asset;

import dev.governor.policy.DataClass;
import dev.governor.api.ApiException;
import dev.governor.api.ControlChars;
import dev.governor.policy.EnvironmentTier;

import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Reads an import file (RFC 4180 CSV, UTF-8, a byte order mark allowed, CRLF or LF line ends)
 * into asset requests. The first row names the columns: {@link #COLUMNS}, any order, the last three
 * optional. Every cell is text: nothing is evaluated, so a cell such as {@code =cmd|...} is stored
 * as those characters. Rows are numbered as a spreadsheet shows them, the header being row 1;
 * every refusal names the row and the column ({@code row[3].tier}).
 */
final class AssetCsv {

    static final List<String> COLUMNS = List.of("target", "tier", "dataClass", "criticality", "ownerTeam",
            "records", "users", "monetaryValue");
    static final List<String> REQUIRED = COLUMNS.subList(0, 5);
    static final int MAX_ROWS = 1000;
    static final int MAX_BYTES = 262_144;

    private static final String WHOLE = "^[0-9]{1,18}$";
    private static final String AMOUNT = "^[0-9]{1,15}(\\.[0-9]{1,4})?$";

    /** One asset of the file, at its row. */
    record Row(int number, AssetRequest asset) {
    }

    private AssetCsv() {
    }

    static String field(int row, String column) {
        return "row[" + row + "]." + column;
    }

    static List<Row> read(byte[] body) {
        if (body.length > MAX_BYTES) throw tooLarge("the file is over " + MAX_BYTES + " bytes; split it");
        List<List<String>> lines = records(text(body));
        if (lines.isEmpty()) throw ApiException.invalid("header", "is missing: the first row must name the columns "
                + String.join(",", COLUMNS));
        Map<String, Integer> header = header(lines.get(0));
        List<Row> rows = new ArrayList<>();
        for (int i = 1; i < lines.size(); i++) {
            List<String> cells = lines.get(i);
            if (cells.size() == 1 && cells.get(0).isEmpty()) continue; // a blank line
            int number = i + 1;
            if (rows.size() == MAX_ROWS) throw tooLarge("the file holds more than " + MAX_ROWS + " assets; split it");
            if (cells.size() != header.size()) {
                throw ApiException.invalid("row[" + number + "]", "has " + cells.size() + " cells, the header names "
                        + header.size() + " columns");
            }
            rows.add(new Row(number, asset(number, cells, header)));
        }
        if (rows.isEmpty()) throw ApiException.invalid("body", "holds no asset rows after the header");
        return rows;
    }

    private static AssetRequest asset(int row, List<String> cells, Map<String, Integer> header) {
        Function<String, String> cell = column -> {
            Integer at = header.get(column);
            String value = at == null ? "" : cells.get(at);
            ControlChars.check(field(row, column), value, false);
            return value;
        };
        return new AssetRequest(blankToNull(cell.apply("target")),
                choice(row, "tier", cell.apply("tier"), EnvironmentTier.class),
                choice(row, "dataClass", cell.apply("dataClass"), DataClass.class),
                choice(row, "criticality", cell.apply("criticality"), Criticality.class),
                blankToNull(cell.apply("ownerTeam")),
                new Exposure(whole(row, "records", cell.apply("records")), whole(row, "users", cell.apply("users")),
                        amount(row, "monetaryValue", cell.apply("monetaryValue"))));
    }

    private static Map<String, Integer> header(List<String> names) {
        Map<String, Integer> header = new HashMap<>();
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i).trim();
            if (!COLUMNS.contains(name)) {
                throw ApiException.invalid("header", "column " + (i + 1) + " '" + ControlChars.printable(name)
                        + "' is not one of " + String.join(",", COLUMNS) + " (names are case-sensitive)");
            }
            if (header.put(name, i) != null) throw ApiException.invalid("header", "names '" + name + "' twice");
        }
        for (String required : REQUIRED) {
            if (!header.containsKey(required)) throw ApiException.invalid("header", "must name the column '" + required
                    + "' (required: " + String.join(",", REQUIRED) + ")");
        }
        return header;
    }

    private static <E extends Enum<E>> E choice(int row, String column, String value, Class<E> type) {
        String name = value.trim();
        if (name.isEmpty()) return null; // the validator names it as required
        for (E e : type.getEnumConstants()) {
            if (e.name().equals(name)) return e;
        }
        throw ApiException.invalid(field(row, column), "must be one of "
                + String.join(", ", Arrays.stream(type.getEnumConstants()).map(Enum::name).toList()));
    }

    private static Long whole(int row, String column, String value) {
        String v = value.trim();
        if (v.isEmpty()) return null;
        if (!v.matches(WHOLE)) throw ApiException.invalid(field(row, column),
                "must be a whole number >= 0 (at most 18 digits), or empty for not registered");
        return Long.valueOf(v);
    }

    private static BigDecimal amount(int row, String column, String value) {
        String v = value.trim();
        if (v.isEmpty()) return null;
        if (!v.matches(AMOUNT)) throw ApiException.invalid(field(row, column),
                "must be an amount >= 0 (up to 15 digits, '.' and up to 4 decimals), or empty for not registered");
        return new BigDecimal(v);
    }

    private static String blankToNull(String value) {
        return value.isEmpty() ? null : value;
    }

    private static String text(byte[] body) {
        int start = body.length >= 3 && (body[0] & 0xFF) == 0xEF && (body[1] & 0xFF) == 0xBB && (body[2] & 0xFF) == 0xBF
                ? 3 : 0; // the byte order mark spreadsheets write
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(body, start, body.length - start)).toString();
        } catch (CharacterCodingException e) {
            throw ApiException.invalid("body", "must be CSV encoded as UTF-8");
        }
    }

    /** RFC 4180 records: quoted cells may hold commas, doubled quotes and line breaks. */
    private static List<List<String>> records(String text) {
        List<List<String>> records = new ArrayList<>();
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        boolean wasQuoted = false;
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cell.append(c);
                }
            } else if (c == '"' && cell.isEmpty() && !wasQuoted) {
                quoted = true;
                wasQuoted = true;
            } else if (c == ',') {
                cells.add(cell.toString());
                cell.setLength(0);
                wasQuoted = false;
            } else if (c == '\n' || c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                if (c == '\r') i++;
                cells.add(cell.toString());
                records.add(cells);
                cells = new ArrayList<>();
                cell.setLength(0);
                wasQuoted = false;
            } else if (wasQuoted) {
                throw ApiException.invalid("row[" + (records.size() + 1) + "]",
                        "has text after the closing quote of cell " + (cells.size() + 1));
            } else {
                cell.append(c); // a lone CR stays, and the cell is refused as holding a control character
            }
            i++;
        }
        if (quoted) throw ApiException.invalid("row[" + (records.size() + 1) + "]", "has a quote that is never closed");
        if (!cell.isEmpty() || !cells.isEmpty() || wasQuoted) {
            cells.add(cell.toString());
            records.add(cells);
        }
        return records;
    }

    private static ApiException tooLarge(String detail) {
        return new ApiException(413, "Content Too Large", detail, List.of(new ApiException.Violation("body", detail)));
    }
}
