package dev.governor.mcp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;
import dev.governor.client.Receipts;
import dev.governor.client.TestReceipts;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/**
 * A stand-in for Governor's HTTP API: decisions answered by a function of the request, each with a
 * receipt signed by the key {@code /v1/keys} publishes (or, per {@link #receipts}, a bad one); the
 * rest recorded.
 */
final class FakeGovernor implements AutoCloseable {
    /** What receipt a decision carries: Governor's, none, one for another action, or one by a key not published. */
    enum Receipting { GENUINE, NONE, OTHER_ACTION, FORGED }

    record Call(String method, String path, JsonNode body) {
    }

    record Reply(int status, String json) {
    }

    private final ObjectMapper json = new ObjectMapper();
    private final HttpServer server;
    final List<Call> calls = new CopyOnWriteArrayList<>();
    volatile Function<JsonNode, Reply> decisions = body -> new Reply(500, "{}");
    volatile Function<String, Reply> approvals = path -> new Reply(404, "{}");
    volatile Receipting receipts = Receipting.GENUINE;
    private final KeyPair key;
    private final KeyPair forger;

    FakeGovernor() throws IOException {
        try {
            key = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
            forger = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            byte[] raw = exchange.getRequestBody().readAllBytes();
            JsonNode body = raw.length == 0 ? null : json.readTree(raw);
            String path = exchange.getRequestURI().toString();
            calls.add(new Call(exchange.getRequestMethod(), path, body));
            Reply reply;
            if (path.equals("/v1/decisions")) {
                reply = signed(body, decisions.apply(body));
            } else if (path.equals("/v1/keys")) {
                reply = new Reply(200, TestReceipts.jwks("k1", key.getPublic()));
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

    private Reply signed(JsonNode request, Reply reply) throws IOException {
        if (reply.status() != 200 || receipts == Receipting.NONE) return reply;
        ObjectNode decision = (ObjectNode) json.readTree(reply.json());
        JsonNode action = receipts == Receipting.OTHER_ACTION
                ? ((ObjectNode) request.path("action").deepCopy()).put("target", "file/elsewhere") : request.path("action");
        String claims = TestReceipts.claims(UUID.fromString(decision.path("decisionId").asText()),
                decision.path("outcome").asText(), Receipts.fingerprint(action), Instant.now().plusSeconds(60));
        try {
            decision.put("receipt", TestReceipts.receipt("k1",
                    (receipts == Receipting.FORGED ? forger : key).getPrivate(), claims));
        } catch (GeneralSecurityException e) {
            throw new IOException(e);
        }
        return new Reply(200, json.writeValueAsString(decision));
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
