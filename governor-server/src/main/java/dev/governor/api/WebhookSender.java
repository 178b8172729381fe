package dev.governor.api;

import org.jboss.logging.Logger;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Delivers one JSON message by POST, retrying failures (connection errors and non-2xx answers)
 * with exponential backoff up to {@code attempts} tries. Never throws to the caller: the returned
 * future completes with whether the message got through (or with the receiver's answer); failures
 * are logged. Shared by the approval webhook and the outcome verifier.
 */
public final class WebhookSender {

    /** The most of a receiver's answer that is read; a longer one counts as no answer. */
    public static final int MAX_ANSWER_BYTES = 65_536;

    private static final Logger LOG = Logger.getLogger(WebhookSender.class);

    private final HttpClient client;
    private final ScheduledExecutorService scheduler;
    private final int attempts;
    private final Duration backoff;
    private final Duration timeout;
    private final String name;

    public WebhookSender(String name, ScheduledExecutorService scheduler, int attempts, Duration backoff,
                         Duration timeout) {
        this.name = name;
        this.scheduler = scheduler;
        this.attempts = Math.max(1, attempts);
        this.backoff = backoff;
        this.timeout = timeout;
        this.client = HttpClient.newBuilder().connectTimeout(timeout).executor(scheduler).build();
    }

    public CompletableFuture<Boolean> send(URI url, String json) {
        return exchange(url, json).thenApply(Optional::isPresent);
    }

    /** Posts the message; completes with the 2xx answer's body (at most {@link #MAX_ANSWER_BYTES}), or empty. */
    public CompletableFuture<Optional<String>> exchange(URI url, String json) {
        CompletableFuture<Optional<String>> done = new CompletableFuture<>();
        attempt(url, json, 1, done);
        return done;
    }

    private void attempt(URI url, String json, int attempt, CompletableFuture<Optional<String>> done) {
        HttpRequest request = HttpRequest.newBuilder(url).timeout(timeout)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build();
        client.sendAsync(request, HttpResponse.BodyHandlers.ofInputStream()).whenComplete((response, error) -> {
            if (error == null && response.statusCode() / 100 == 2) {
                done.complete(Optional.of(read(response.body())));
                return;
            }
            if (response != null) close(response.body());
            String why = error != null ? error.toString() : "HTTP " + response.statusCode();
            if (attempt >= attempts) {
                LOG.warnf("%s %s failed %d times, giving up (last: %s): %s", name, url, attempt, why, json);
                done.complete(Optional.empty());
                return;
            }
            long delay = backoff.toMillis() << (attempt - 1);
            LOG.debugf("%s %s attempt %d failed (%s); retrying in %d ms", name, url, attempt, why, delay);
            scheduler.schedule(() -> attempt(url, json, attempt + 1, done), delay, TimeUnit.MILLISECONDS);
        });
    }

    private static String read(InputStream body) {
        try (body) {
            byte[] bytes = body.readNBytes(MAX_ANSWER_BYTES + 1);
            return bytes.length > MAX_ANSWER_BYTES ? "" : new String(bytes, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }

    private static void close(InputStream body) {
        try {
            body.close();
        } catch (IOException ignored) {
            // nothing was read; the connection is dropped either way
        }
    }
}
