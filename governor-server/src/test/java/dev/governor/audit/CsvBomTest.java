package dev.governor.audit;

import dev.governor.Api;
import dev.governor.testing.RegisteredAgent;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

import static dev.governor.testing.TestAuth.asAdmin;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/**
 * {@code ?bom=true} on every CSV export: the file starts with UTF-8's byte order mark, so a
 * spreadsheet program reads accents right; without it, no mark; anything else is a 400 naming
 * {@code bom}.
 */
@QuarkusTest
class CsvBomTest {

    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    private static List<String> exports(RegisteredAgent agent) {
        return List.of("/v1/audit/log", "/v1/audit/decisions", "/v1/audit/rule-firings",
                "/v1/agents/" + agent.id() + "/evidence");
    }

    private static byte[] csv(String path, String bom) {
        var request = asAdmin().queryParam("format", "csv");
        if (bom != null) request = request.queryParam("bom", bom);
        return request.get(path).then().statusCode(200).contentType(containsString("text/csv")).extract().asByteArray();
    }

    @Test
    void everyCsvExportStartsWithTheMarkWhenAskedAndOnlyThen() {
        RegisteredAgent agent = Api.registerAgent("ROUTINE", List.of("sandbox"), List.of("config:*"));
        Api.decide(agent, Api.action("config.update", "sandbox", 0, 0, 0, "Zoë's café config")).statusCode(200);
        for (String path : exports(agent)) {
            byte[] marked = csv(path, "true");
            byte[] plain = csv(path, null);
            assertThat(Arrays.copyOf(marked, 3)).as(path).isEqualTo(BOM);
            assertThat(plain.length).as(path + " has a header").isGreaterThan(3);
            assertThat(Arrays.copyOf(plain, 3)).as(path).isNotEqualTo(BOM);
            assertThat(new String(marked, 3, marked.length - 3, StandardCharsets.UTF_8).lines().findFirst())
                    .as(path + ": the header follows the mark").isEqualTo(new String(plain, StandardCharsets.UTF_8).lines().findFirst());
            assertThat(Arrays.copyOf(csv(path, "false"), 3)).as(path + " bom=false").isNotEqualTo(BOM);
        }
    }

    @Test
    void aBadValueOrAMarkOnNdjsonIsRefusedNamingTheField() {
        RegisteredAgent agent = Api.registerAgent("ROUTINE", List.of("sandbox"), List.of("config:*"));
        for (String path : exports(agent)) {
            asAdmin().queryParam("format", "csv").queryParam("bom", "yes").get(path).then().statusCode(400)
                    .contentType(containsString("application/problem+json")).body("violations[0].field", equalTo("bom"));
            asAdmin().queryParam("format", "ndjson").queryParam("bom", "true").get(path).then().statusCode(400)
                    .body("violations[0].field", equalTo("bom"));
        }
    }
}
