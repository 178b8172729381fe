package dev.governor.api;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** Delivery against a tiny local HTTP server: retried after failures, bounded, never thrown. */
class WebhookSenderTest {

    private final ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(2);
    private HttpServer server;

    @AfterEach
    void stop() {
        if (server != null) server.stop(0);
        scheduler.shutdownNow();
    }

    /** Answers 500 to the first {@code failures} requests, then 204; records every body. */
    private URI serve(int failures, List<String> bodies) throws Exception {
        AtomicInteger seen = new AtomicInteger();
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/hook", exchange -> {
            bodies.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            exchange.sendResponseHeaders(seen.incrementAndGet() <= failures ? 500 : 204, -1);
            exchange.close();
        });
        server.start();
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/hook");
    }

    @Test
    void aFailedDeliveryIsRetriedUntilItGetsThrough() throws Exception {
        List<String> bodies = new CopyOnWriteArrayList<>();
        URI url = serve(2, bodies);
        WebhookSender sender = new WebhookSender("test webhook", scheduler, 5, Duration.ofMillis(10), Duration.ofSeconds(5));

        assertThat(sender.send(url, "{\"event\":\"OPENED\"}").get()).isTrue();
        assertThat(bodies).hasSize(3).allMatch("{\"event\":\"OPENED\"}"::equals);
    }

    @Test
    void deliveryGivesUpAfterTheLastAttemptWithoutThrowing() throws Exception {
        List<String> bodies = new CopyOnWriteArrayList<>();
        URI url = serve(100, bodies);
        WebhookSender sender = new WebhookSender("test webhook", scheduler, 3, Duration.ofMillis(10), Duration.ofSeconds(5));

        assertThat(sender.send(url, "{}").get()).isFalse();
        assertThat(bodies).hasSize(3);
    }

    @Test
    void anUnreachableReceiverIsRetriedThenDropped() throws Exception {
        URI url = serve(0, new CopyOnWriteArrayList<>());
        server.stop(0);
        server = null;
        WebhookSender sender = new WebhookSender("test webhook", scheduler, 2, Duration.ofMillis(10), Duration.ofSeconds(2));

        assertThat(sender.send(url, "{}").get()).isFalse();
    }
}
