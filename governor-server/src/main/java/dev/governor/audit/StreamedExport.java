package dev.governor.audit;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.governor.api.Infrastructure;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.StreamingOutput;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.io.OutputStream;
import java.sql.ResultSet;
import java.util.List;
import java.util.Map;

/**
 * An export streamed from the database as it is read: the first rows leave before the last are
 * fetched, and memory stays constant. The status and headers are sent before streaming starts,
 * so a database failure half-way aborts the response (the file ends early and the HTTP transfer
 * is incomplete) and is logged; it cannot become an error body. Each feature writes the query
 * over its own tables (the decision package exports decisions, this one the chain).
 */
@ApplicationScoped
public class StreamedExport {

    private static final Logger LOG = Logger.getLogger(StreamedExport.class);

    private final JdbcStreamer jdbc;
    private final ObjectMapper mapper;

    public StreamedExport(JdbcStreamer jdbc, ObjectMapper mapper) {
        this.jdbc = jdbc;
        this.mapper = mapper;
    }

    /** One export row from the current row of the result set (column name → value, see {@link RowWriter}). */
    @FunctionalInterface
    public interface RowMapper {
        Map<String, Object> map(ResultSet rs) throws Exception;
    }

    /** Rows of {@code sql} (with {@code ?} parameters) as NDJSON, or as CSV with {@code csvColumns}. */
    public StreamingOutput of(String sql, List<Object> params, List<String> csvColumns, ExportFormat format,
                              RowMapper rows) {
        return streamed(format, csvColumns, writer -> copy(sql, params, rows, writer));
    }

    /** What an export writes, row by row. */
    @FunctionalInterface
    public interface Body {
        void write(RowWriter writer) throws Exception;
    }

    /** An export whose rows {@code body} writes, with the failure handling described above. */
    public StreamingOutput streamed(ExportFormat format, List<String> csvColumns, Body body) {
        return out -> {
            RowWriter writer = writer(out, format, csvColumns);
            try {
                body.write(writer);
            } catch (IOException e) {
                throw e; // the client went away
            } catch (Exception e) {
                if (Infrastructure.isFault(e)) {
                    LOG.warnf("Export failed half-way, the database failed or timed out; the response was cut short: %s",
                            Infrastructure.rootMessage(e));
                } else {
                    LOG.error("Export failed half-way; the response was cut short", e);
                }
                throw new IOException("export failed", e);
            }
            writer.finish();
        };
    }

    /** Writes every row of {@code sql}, read through one cursor. */
    public void copy(String sql, List<Object> params, RowMapper rows, RowWriter writer) throws Exception {
        jdbc.withConnection(session -> {
            session.stream(sql, params, rs -> {
                writer.write(rows.map(rs));
                return true;
            });
            return null;
        });
    }

    private RowWriter writer(OutputStream out, ExportFormat format, List<String> csvColumns) throws IOException {
        return format == ExportFormat.CSV ? new CsvWriter(out, csvColumns) : new NdjsonWriter(mapper, out);
    }
}
