package dev.governor.audit;

import dev.governor.GovernorConfig;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

/**
 * Reads a query row by row through a forward-only cursor, so memory stays constant however
 * many rows match. PostgreSQL only uses a cursor (fetching {@code governor.audit.fetch-size}
 * rows per round trip) when autocommit is off, hence the read-only transaction around it;
 * H2 materialises large results itself, spilling to disk beyond its MAX_MEMORY_ROWS.
 */
@ApplicationScoped
public class JdbcStreamer {

    private final AgroalDataSource dataSource;
    private final int fetchSize;

    public JdbcStreamer(AgroalDataSource dataSource, GovernorConfig config) {
        this.dataSource = dataSource;
        this.fetchSize = config.audit().fetchSize();
    }

    @FunctionalInterface
    public interface RowHandler {
        /** @return false to stop reading */
        boolean row(ResultSet rs) throws Exception;
    }

    @FunctionalInterface
    public interface Work<T> {
        T run(Session session) throws Exception;
    }

    /** Runs {@code work} on one connection in one read-only transaction, rolled back at the end. */
    public <T> T withConnection(Work<T> work) throws Exception {
        try (Connection c = dataSource.getConnection()) {
            boolean autoCommit = c.getAutoCommit();
            c.setAutoCommit(false);
            try {
                return work.run(new Session(c));
            } finally {
                c.rollback();
                c.setAutoCommit(autoCommit);
            }
        }
    }

    /** One connection's queries. */
    public final class Session {
        private final Connection connection;

        private Session(Connection connection) {
            this.connection = connection;
        }

        public void stream(String sql, List<Object> params, RowHandler handler) throws Exception {
            try (PreparedStatement ps = connection.prepareStatement(sql, ResultSet.TYPE_FORWARD_ONLY,
                    ResultSet.CONCUR_READ_ONLY)) {
                ps.setFetchSize(fetchSize);
                for (int i = 0; i < params.size(); i++) {
                    Object p = params.get(i);
                    ps.setObject(i + 1, p instanceof Instant t ? t.atOffset(ZoneOffset.UTC) : p);
                }
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next() && handler.row(rs)) {
                        // handler consumed the row
                    }
                }
            }
        }
    }

    /** Time columns as ISO-8601 UTC text (e.g. {@code 2026-11-24T09:58:00.123456Z}); null stays null. */
    public static String instant(ResultSet rs, String column) throws SQLException {
        var time = rs.getObject(column, java.time.OffsetDateTime.class);
        return time == null ? null : time.toInstant().toString();
    }

    /** UUID (or any) column as text; null stays null. */
    public static String text(ResultSet rs, String column) throws SQLException {
        Object value = rs.getObject(column);
        return value == null ? null : value.toString();
    }
}
