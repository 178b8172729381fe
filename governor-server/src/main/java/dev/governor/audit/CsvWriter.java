package dev.governor.audit;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * RFC 4180 CSV in UTF-8: a header row, CRLF line ends, and a field in double quotes (inner
 * quotes doubled) whenever it holds a comma, quote, CR or LF. Spreadsheet formula injection
 * (CWE-1236): a value starting with {@code =}, {@code +}, {@code -}, {@code @}, tab or CR gets a
 * leading {@code '}, so Excel, LibreOffice and Google Sheets show it as text instead of running
 * it. Strip one leading {@code '} from such a value to get the stored one back. JSON columns
 * ({@link RawJson}) are not written to CSV.
 */
public final class CsvWriter implements RowWriter {

    private final BufferedWriter out;
    private final List<String> columns;

    public CsvWriter(OutputStream stream, List<String> columns) throws IOException {
        this.out = new BufferedWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8));
        this.columns = List.copyOf(columns);
        line(columns.stream().map(CsvWriter::snakeCase).toList());
    }

    @Override
    public void write(Map<String, Object> row) throws IOException {
        line(columns.stream().map(c -> row.get(c) == null ? "" : row.get(c).toString()).toList());
    }

    @Override
    public void finish() throws IOException {
        out.flush();
    }

    private void line(List<String> values) throws IOException {
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                out.write(',');
            }
            out.write(field(values.get(i)));
        }
        out.write("\r\n");
    }

    static String field(String value) {
        String safe = !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
        if (safe.indexOf(',') < 0 && safe.indexOf('"') < 0 && safe.indexOf('\r') < 0 && safe.indexOf('\n') < 0) {
            return safe;
        }
        return '"' + safe.replace("\"", "\"\"") + '"';
    }

    static String snakeCase(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(java.util.Locale.ROOT);
    }
}
