package dev.governor.audit;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Plain SQL on the test database, as an insider with database access would change it. */
final class Sql {

    private final DataSource db;

    Sql(DataSource db) {
        this.db = db;
    }

    /** The first column of every row, as text. */
    List<String> strings(String sql, Object... params) throws Exception {
        List<String> out = new ArrayList<>();
        for (Map<String, Object> row : rows(sql, params)) out.add(row.values().iterator().next() == null ? null
                : row.values().iterator().next().toString());
        return out;
    }

    String one(String sql, Object... params) throws Exception {
        List<String> all = strings(sql, params);
        if (all.size() != 1) throw new AssertionError(sql + " gave " + all.size() + " rows");
        return all.get(0);
    }

    long number(String sql, Object... params) throws Exception {
        return Long.parseLong(one(sql, params));
    }

    /** Every row, column name (lower case) → value, times as OffsetDateTime so they can be written back. */
    List<Map<String, Object>> rows(String sql, Object... params) throws Exception {
        List<Map<String, Object>> out = new ArrayList<>();
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) ps.setObject(i + 1, params[i]);
            try (ResultSet rs = ps.executeQuery()) {
                int columns = rs.getMetaData().getColumnCount();
                while (rs.next()) {
                    Map<String, Object> row = new LinkedHashMap<>();
                    for (int i = 1; i <= columns; i++) {
                        String type = rs.getMetaData().getColumnTypeName(i).toLowerCase();
                        row.put(rs.getMetaData().getColumnLabel(i).toLowerCase(),
                                type.contains("timestamp") ? rs.getObject(i, OffsetDateTime.class) : rs.getObject(i));
                    }
                    out.add(row);
                }
            }
        }
        return out;
    }

    int exec(String sql, Object... params) throws Exception {
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) ps.setObject(i + 1, params[i]);
            return ps.executeUpdate();
        }
    }

    /** Inserts rows read by {@link #rows} back into {@code table}. */
    void insert(String table, List<Map<String, Object>> rows) throws Exception {
        for (Map<String, Object> row : rows) {
            exec("INSERT INTO " + table + " (" + String.join(", ", row.keySet()) + ") VALUES ("
                    + String.join(", ", row.keySet().stream().map(k -> "?").toList()) + ")", row.values().toArray());
        }
    }
}
