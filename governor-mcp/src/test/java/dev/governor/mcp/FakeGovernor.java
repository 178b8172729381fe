package dev.governor.mcp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/** A stand-in for Governor's HTTP API: decisions answered by a function of the request, the rest recorded. */
final class FakeGovernor implements AutoCloseable {
    record Call(String method, String path, JsonNode body) {
    }

    record Reply(int status, String json) {
    }

    private final ObjectMapper json = new ObjectMapper();
    private final HttpServer server;
    final List<Call> calls = new CopyOnWriteArrayList<>();
    volatile Function<JsonNode, Reply> decisions = body -> new Reply(500, "{}");
    volatile Function<String, Reply> approvals = path -> new Reply(404, "{}");

    FakeGovernor() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            byte[] raw = exchange.getRequestBody().readAllBytes();
            JsonNode body = raw.length == 0 ? null : json.readTree(raw);
            String path = exchange.getRequestURI().toString();
            calls.add(new Call(exchange.getRequestMethod(), path, body));
            Reply reply;
            if (path.equals("/v1/decisions")) {
                reply = decisions.apply(body);
            } else if (path.endsWith("/outcome")) {
                reply = new Reply(201, "{\"status\":\"" + body.path("status").asText() + "\"}");
            } else {
                reply = approvals.apply(path);
            }
            byte[] bytes = reply.json().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type",
                    reply.status() >= 400 ? "application/problem+json" : "application/json");
            exchange.sendResponseHeaders(reply.status(), bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        });
        server.start();
    }

    String uri() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    List<Call> to(String pathPart) {
        return calls.stream().filter(c -> c.path().contains(pathPart)).toList();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
