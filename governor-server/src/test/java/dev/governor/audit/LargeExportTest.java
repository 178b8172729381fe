package dev.governor.audit;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A large export is consumed as a stream, line by line, never held whole by the client; the
 * server streams it from a cursor (see JdbcStreamer), so neither side needs memory for it.
 */
@QuarkusTest
class LargeExportTest {

    private static final int DECISIONS = 20_000;

    @Inject
    AgroalDataSource db;

    @TestHTTPResource("/v1/audit/decisions")
    URL decisions;

    @Test
    void twentyThousandDecisionsStreamAsNdjsonAndCsv() throws Exception {
        String agent = "bulk-" + UUID.randomUUID().toString().substring(0, 8);
        insert(agent);
        try {
            assertThat(countLines("?agentId=" + agent + "&format=ndjson")).isEqualTo(DECISIONS);
            assertThat(countLines("?agentId=" + agent + "&format=csv")).isEqualTo(DECISIONS + 1); // + header
        } finally {
            remove(agent);
        }
    }

    /**
     * In slices, because one DELETE of 20,000 rows checks seven foreign keys per row and can outlast
     * PostgreSQL's 2 s statement timeout on a slow machine; a row left behind is bound by no audit
     * record, and every later verify of the shared chain would report it.
     */
    private void remove(String agent) throws Exception {
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement("DELETE FROM decisions "
                + "WHERE id IN (SELECT id FROM decisions WHERE agent_id = ? FETCH FIRST 500 ROWS ONLY)")) {
            ps.setString(1, agent);
            while (ps.executeUpdate() > 0) {
                // the next slice
            }
        }
    }

    private long countLines(String query) throws Exception {
        HttpResponse<InputStream> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(decisions + query))
                        .header("Authorization", "Bearer " + dev.governor.testing.TestAuth.ADMIN_TOKEN).build(), HttpResponse.BodyHandlers.ofInputStream());
        assertThat(response.statusCode()).isEqualTo(200);
        long lines = 0;
        try (BufferedReader in = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                assertThat(line).isNotEmpty();
                lines++;
            }
        }
        return lines;
    }

    private void insert(String agent) throws Exception {
        OffsetDateTime start = OffsetDateTime.of(2020, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC);
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement("INSERT INTO decisions "
                + "(id, agent_id, session_id, action_type, environment, outcome, reversibility, blast_radius, "
                + "policy_version, request_json, response_json, decided_at, latency_micros) "
                + "VALUES (?, ?, 'bulk', 'config.update', 'sandbox', 'ALLOW', 'REVERSIBLE', 'LOW', 'sha256:bulk', "
                + "?, '{\"outcome\":\"ALLOW\",\"reasons\":[]}', ?, 100)")) {
            for (int i = 0; i < DECISIONS; i++) {
                ps.setObject(1, UUID.randomUUID());
                ps.setString(2, agent);
                ps.setString(3, "{\"agentId\":\"" + agent + "\",\"action\":{\"type\":\"config.update\",\"target\":\"cfg/" + i
                        + "\"}}");
                ps.setObject(4, start.plusSeconds(i));
                ps.addBatch();
                if (i % 1000 == 999) {
                    ps.executeBatch();
                }
            }
            ps.executeBatch();
        }
    }
}
