package dev.governor.api;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import static dev.governor.testing.TestAuth.ADMIN_TOKEN;
import static org.assertj.core.api.Assertions.assertThat;

/** Requests a hostile caller writes byte for byte; every refusal is problem+json naming what is wrong. */
@QuarkusTest
class HostileRequestsTest {

    private static final String AUTH = "Authorization: Bearer " + ADMIN_TOKEN + "\r\n";

    private static RawHttp.Answer get(String target, String extraHeaders) throws IOException {
        return RawHttp.send("GET " + target + " HTTP/1.1\r\nHost: governor\r\n" + AUTH + extraHeaders + "\r\n");
    }

    private static RawHttp.Answer post(String target, String contentType, byte[] body) throws IOException {
        return RawHttp.send("POST " + target + " HTTP/1.1\r\nHost: governor\r\n" + AUTH
                + (contentType == null ? "" : "Content-Type: " + contentType + "\r\n")
                + "Content-Length: " + body.length + "\r\n\r\n", body);
    }

    private static RawHttp.Answer postJson(String target, String json) throws IOException {
        return post(target, "application/json", json.getBytes(StandardCharsets.UTF_8));
    }

    private static void problem(RawHttp.Answer answer, int status, String field) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(status);
        assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
        assertThat(answer.body()).contains("\"status\":" + status);
        if (field != null) assertThat(answer.body()).contains("\"field\":\"" + field + "\"");
    }

    @AfterEach
    void liftHalt() throws IOException {
        RawHttp.send("DELETE /v1/halt HTTP/1.1\r\nHost: governor\r\n" + AUTH + "Connection: close\r\n\r\n");
    }

    @Test
    void requestWithoutHostIs400NamingHost() throws IOException {
        problem(RawHttp.send("GET /v1/agents HTTP/1.1\r\n" + AUTH + "\r\n"), 400, "Host");
    }

    @Test
    void overlongTargetIs414AndOversizedHeadersAre431() throws IOException {
        problem(get("/v1/agents?owner=" + "a".repeat(10_000), ""), 414, null);
        problem(get("/v1/agents", "X-Padding: " + "a".repeat(30_000) + "\r\n"), 431, null);
    }

    @Test
    void chunkedBodyOverTheLimitIs413() throws IOException {
        StringBuilder request = new StringBuilder("POST /v1/halt HTTP/1.1\r\nHost: governor\r\n" + AUTH
                + "Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n");
        for (int i = 0; i < 10; i++) request.append("8000\r\n").append(" ".repeat(0x8000)).append("\r\n");
        problem(RawHttp.send(request.append("0\r\n\r\n").toString()), 413, null);
    }

    @Test
    void chunkedBodyUnderTheLimitIsRead() throws IOException {
        String request = "POST /v1/halt HTTP/1.1\r\nHost: governor\r\n" + AUTH
                + "Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n"
                + "5\r\n{\"rea\r\na\r\nson\":\"ok\"}\r\n0\r\n\r\n";
        assertThat(RawHttp.send(request).status()).isEqualTo(200);
    }

    @Test
    void controlCharactersInHeaderQueryAndPathAre400NamingThem() throws IOException {
        problem(get("/v1/agents", "X-Actor: a\u0085b\r\n"), 400, "X-Actor");
        problem(get("/v1/agents?owner=a%00b", ""), 400, "owner");
        problem(get("/v1/freezes?environment=prod%01", ""), 400, "environment");
        problem(get("/v1/agents/a%00b", ""), 400, "id");
    }

    @Test
    void nulInAnyJsonStringIs400NamingTheField() throws IOException {
        problem(postJson("/v1/halt", "{\"reason\":\"a\\u0000b\"}"), 400, "reason");
        problem(postJson("/v1/users", "{\"name\":\"bob\\u0000\",\"roles\":[\"approver\"]}"), 400, "name");
        problem(postJson("/v1/freezes", "{\"environment\":\"*\",\"until\":\"2030-01-01T00:00:00Z\",\"reason\":\"\\u001b[2J\"}"),
                400, "reason");
        problem(postJson("/v1/halt", "{\"reason\":\"\\ud800\"}"), 400, "reason");
    }

    @Test
    void lineBreaksAreFreeTextInJsonStrings() throws IOException {
        assertThat(postJson("/v1/halt", "{\"reason\":\"line one\\nline two\\ttabbed\"}").status()).isEqualTo(200);
    }

    @Test
    void outOfRangeDatesAre400NamingTheField() throws IOException {
        problem(get("/v1/audit/decisions?from=%2B999999999-01-01T00:00:00Z", ""), 400, "from");
        problem(get("/v1/audit/rule-firings?to=-999999999-01-01", ""), 400, "to");
        problem(postJson("/v1/freezes", "{\"environment\":\"*\",\"until\":\"+999999999-01-01T00:00:00Z\",\"reason\":\"x\"}"),
                400, "until");
    }

    @Test
    void bodyWithoutContentTypeIs415() throws IOException {
        problem(post("/v1/halt", null, "{\"reason\":\"x\"}".getBytes(StandardCharsets.UTF_8)), 415, null);
        problem(post("/v1/halt", "application/json; charset=utf-16", "{\"reason\":\"x\"}".getBytes(StandardCharsets.UTF_8)),
                415, null);
    }

    @Test
    void bodyThatIsNotUtf8Is400() throws IOException {
        problem(post("/v1/halt", "application/json", ("\uFEFF{\"reason\":\"x\"}").getBytes(StandardCharsets.UTF_16BE)), 400, "body");
        problem(post("/v1/halt", "application/json", "{\"reason\":\"x\"}".getBytes(StandardCharsets.UTF_16LE)), 400, "body");
        problem(post("/v1/halt", "application/json", "{\"reason\":\"x\u00ff\"}".getBytes(StandardCharsets.ISO_8859_1)), 400, "body");
        problem(post("/v1/halt", "application/json", ("\uFEFF{\"reason\":\"x\"}").getBytes(StandardCharsets.UTF_8)), 400, "body");
    }

    @Test
    void reservedUserNamesAreRefused() throws IOException {
        for (String name : new String[] {"system", "System", "agent:config-fixer", "AGENT:x", "admin"}) {
            problem(postJson("/v1/users", "{\"name\":\"" + name + "\",\"roles\":[\"approver\"]}"), 400, "name");
        }
    }
}
