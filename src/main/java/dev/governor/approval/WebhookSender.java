package dev.governor.approval;

import org.jboss.logging.Logger;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Delivers one JSON message by POST, retrying failures (connection errors and non-2xx answers)
 * with exponential backoff up to {@code attempts} tries. Never throws to the caller: the returned
 * future completes with whether the message got through; failures are logged.
 */
final class WebhookSender {

    private static final Logger LOG = Logger.getLogger(WebhookSender.class);

    private final HttpClient client;
    private final ScheduledExecutorService scheduler;
    private final int attempts;
    private final Duration backoff;
    private final Duration timeout;

    WebhookSender(ScheduledExecutorService scheduler, int attempts, Duration backoff, Duration timeout) {
        this.scheduler = scheduler;
        this.attempts = Math.max(1, attempts);
        this.backoff = backoff;
        this.timeout = timeout;
        this.client = HttpClient.newBuilder().connectTimeout(timeout).executor(scheduler).build();
    }

    CompletableFuture<Boolean> send(URI url, String json) {
        CompletableFuture<Boolean> done = new CompletableFuture<>();
        attempt(url, json, 1, done);
        return done;
    }

    private void attempt(URI url, String json, int attempt, CompletableFuture<Boolean> done) {
        HttpRequest request = HttpRequest.newBuilder(url).timeout(timeout)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build();
        client.sendAsync(request, HttpResponse.BodyHandlers.discarding()).whenComplete((response, error) -> {
            if (error == null && response.statusCode() / 100 == 2) {
                done.complete(true);
                return;
            }
            String why = error != null ? error.toString() : "HTTP " + response.statusCode();
            if (attempt >= attempts) {
                LOG.warnf("approval webhook %s failed %d times, giving up (last: %s): %s", url, attempt, why, json);
                done.complete(false);
                return;
            }
            long delay = backoff.toMillis() << (attempt - 1);
            LOG.debugf("approval webhook %s attempt %d failed (%s); retrying in %d ms", url, attempt, why, delay);
            scheduler.schedule(() -> attempt(url, json, attempt + 1, done), delay, TimeUnit.MILLISECONDS);
        });
    }
}
