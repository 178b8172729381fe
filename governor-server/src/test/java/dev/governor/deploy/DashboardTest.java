package dev.governor.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * docker/grafana/governor-dashboard.json queries only series that exist: Governor's own meters
 * (found in the code, so a renamed meter breaks this test), the ones Quarkus' Micrometer
 * extension exposes (listed below, as /q/metrics showed them on Quarkus 3.33.2), and Prometheus'
 * own {@code up}.
 */
class DashboardTest {

    private static final Path DASHBOARD = Path.of("docker/grafana/governor-dashboard.json");
    private static final Pattern METER = Pattern.compile("(Counter|Timer|Gauge|DistributionSummary)\\.builder\\(\"([a-z0-9_.]+)\"");
    /** Series the extensions expose (HTTP server, JVM, process, Vert.x worker pool), not Governor's code. */
    private static final Set<String> EXTENSION_SERIES = Set.of(
            "http_server_requests_seconds_count", "http_server_requests_seconds_sum", "http_server_requests_seconds_max",
            "http_server_active_requests", "http_server_bytes_read_count", "http_server_bytes_written_count",
            "jvm_memory_used_bytes", "jvm_memory_max_bytes", "jvm_memory_committed_bytes",
            "jvm_gc_pause_seconds_sum", "jvm_gc_pause_seconds_count", "jvm_gc_pause_seconds_max",
            "jvm_threads_live_threads", "process_cpu_usage", "process_uptime_seconds", "system_cpu_usage",
            "worker_pool_active", "worker_pool_queue_size", "worker_pool_queue_delay_seconds_sum",
            "worker_pool_queue_delay_seconds_count");
    private static final Set<String> PROMETHEUS_SERIES = Set.of("up");
    private static final Set<String> PROMQL_WORDS = Set.of("sum", "max", "min", "avg", "count", "rate", "irate",
            "increase", "histogram_quantile", "by", "without", "on", "ignoring", "group_left", "group_right", "and",
            "or", "unless", "offset", "bool", "topk", "bottomk", "clamp_min", "clamp_max", "abs");

    private static JsonNode dashboard;

    @BeforeAll
    static void read() throws IOException {
        dashboard = new ObjectMapper().readTree(DASHBOARD.toFile());
    }

    @Test
    void everyQueryNamesASeriesThatExists() throws IOException {
        Set<String> known = new TreeSet<>(governorSeries());
        known.addAll(EXTENSION_SERIES);
        known.addAll(PROMETHEUS_SERIES);
        List<String> expressions = expressions();
        assertThat(expressions).as("queries in the dashboard").isNotEmpty();
        List<String> unknown = new ArrayList<>();
        for (String expr : expressions) {
            for (String series : seriesIn(expr)) if (!known.contains(series)) unknown.add(series + " in " + expr);
        }
        assertThat(unknown).as("series no one exposes").isEmpty();
    }

    @Test
    void governorsOwnSeriesAreOnTheDashboard() throws IOException {
        Set<String> used = new TreeSet<>();
        for (String expr : expressions()) used.addAll(seriesIn(expr));
        assertThat(governorSeries()).as("Governor's meters").isNotEmpty();
        assertThat(used).containsAll(governorSeries());
        assertThat(dashboard.path("uid").asText()).isNotBlank();
        assertThat(dashboard.path("templating").path("list").findValuesAsText("name")).contains("datasource", "job");
    }

    @Test
    void seriesAreFoundOutsideLabelsRangesAndGroupings() {
        assertThat(seriesIn("sum by (reason) (rate(governor_throttled_total{job=~\"$job\",reason=\"x\"}[5m])) / up"))
                .containsExactly("governor_throttled_total", "up");
    }

    /** Prometheus names of the meters registered in src/main/java. */
    static Set<String> governorSeries() throws IOException {
        Set<String> out = new TreeSet<>();
        try (Stream<Path> files = Files.walk(Path.of("governor-server/src/main/java"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                Matcher m = METER.matcher(Files.readString(file));
                while (m.find()) {
                    String base = m.group(2).replace('.', '_');
                    switch (m.group(1)) {
                        case "Counter" -> out.add(base + "_total");
                        case "Gauge" -> out.add(base);
                        case "Timer" -> out.addAll(List.of(base + "_seconds_count", base + "_seconds_sum",
                                base + "_seconds_max", base + "_seconds_bucket"));
                        default -> out.addAll(List.of(base + "_count", base + "_sum", base + "_max", base + "_bucket"));
                    }
                }
            }
        }
        return out;
    }

    private static List<String> expressions() {
        return dashboard.findValues("expr").stream().map(JsonNode::asText).toList();
    }

    /** Metric names in a PromQL expression: identifiers outside label sets, ranges, strings and by(...) lists. */
    static Set<String> seriesIn(String expr) {
        String bare = expr.replaceAll("\"[^\"]*\"", "\"\"")
                .replaceAll("\\{[^}]*}", " ")
                .replaceAll("\\[[^]]*]", " ")
                .replaceAll("\\b(by|without|on|ignoring)\\s*\\([^)]*\\)", " ");
        Set<String> out = new TreeSet<>();
        Matcher m = Pattern.compile("([a-zA-Z_:][a-zA-Z0-9_:]*)(\\s*\\()?").matcher(bare);
        while (m.find()) {
            if (m.group(2) == null && !PROMQL_WORDS.contains(m.group(1))) out.add(m.group(1));
        }
        return out;
    }
}
