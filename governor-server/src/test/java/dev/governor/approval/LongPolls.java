package dev.governor.approval;

import dev.governor.testing.Credential;
import io.restassured.RestAssured;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.BooleanSupplier;

/**
 * Many long-polls at once without a thread each: {@link HttpClient#sendAsync} keeps every request
 * on a connection of its own and answers through futures. Raw sockets stand for a client that
 * goes away mid-wait.
 */
final class LongPolls {

    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();

    private LongPolls() {
    }

    static CompletableFuture<HttpResponse<String>> open(Credential caller, String approvalId, int waitSeconds) {
        HttpRequest request = HttpRequest.newBuilder(uri(approvalId, waitSeconds))
                .header("Authorization", "Bearer " + caller.bearer())
                .timeout(Duration.ofSeconds(waitSeconds + 30L)).GET().build();
        return CLIENT.sendAsync(request, HttpResponse.BodyHandlers.ofString());
    }

    static List<CompletableFuture<HttpResponse<String>>> open(int count, Credential caller, String approvalId,
                                                              int waitSeconds) {
        List<CompletableFuture<HttpResponse<String>>> waits = new ArrayList<>();
        for (int i = 0; i < count; i++) waits.add(open(caller, approvalId, waitSeconds));
        return waits;
    }

    /** A wait sent on a plain socket, so the test can hang up in the middle of it. */
    static Socket openRaw(Credential caller, String approvalId, int waitSeconds) throws IOException {
        Socket socket = new Socket("localhost", RestAssured.port);
        OutputStream out = socket.getOutputStream();
        out.write(("GET /v1/approvals/" + approvalId + "?waitSeconds=" + waitSeconds + " HTTP/1.1\r\n"
                + "Host: localhost\r\nAuthorization: Bearer " + caller.bearer() + "\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
        out.flush();
        return socket;
    }

    /** Polls until the condition holds; fails after {@code limit} (generous: it only guards against hanging). */
    static void until(BooleanSupplier condition, Duration limit, String what) throws InterruptedException {
        long end = System.nanoTime() + limit.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) throw new AssertionError("still not true after " + limit + ": " + what);
            Thread.sleep(20);
        }
    }

    private static URI uri(String approvalId, int waitSeconds) {
        return URI.create("http://localhost:" + RestAssured.port + "/v1/approvals/" + approvalId
                + "?waitSeconds=" + waitSeconds);
    }
}
