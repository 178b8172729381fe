package dev.governor.client;

import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/** A stand-in for Governor: answers each request with the next canned response, and records it. */
final class StubGovernor implements AutoCloseable {
    record Canned(int status, String contentType, String body, Map<String, String> headers) {
    }

    record Seen(String method, String uri, String authorization, String body) {
    }

    private final HttpServer server;
    private final Deque<Canned> answers = new ArrayDeque<>();
    private final List<Seen> seen = new CopyOnWriteArrayList<>();
    private Runnable onRequest = () -> { };

    StubGovernor() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            seen.add(new Seen(exchange.getRequestMethod(), exchange.getRequestURI().toString(),
                    exchange.getRequestHeaders().getFirst("Authorization"), body));
            onRequest.run();
            Canned answer;
            synchronized (answers) {
                answer = answers.size() > 1 ? answers.poll() : answers.peek();
            }
            byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
            if (answer.contentType() != null) exchange.getResponseHeaders().add("Content-Type", answer.contentType());
            answer.headers().forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
            exchange.sendResponseHeaders(answer.status(), bytes.length == 0 ? -1 : bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        });
        server.start();
    }

    /** Queues an answer; the last one queued is repeated for every further request. */
    StubGovernor answer(int status, String contentType, String body, Map<String, String> headers) {
        synchronized (answers) {
            answers.add(new Canned(status, contentType, body, headers));
        }
        return this;
    }

    StubGovernor json(int status, String body) {
        return answer(status, "application/json", body, Map.of());
    }

    StubGovernor problem(int status, String body, Map<String, String> headers) {
        return answer(status, "application/problem+json", body, headers);
    }

    void onRequest(Runnable action) {
        this.onRequest = action;
    }

    List<Seen> seen() {
        return seen;
    }

    String uri() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
