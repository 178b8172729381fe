package dev.governor.decision;

import com.sun.net.httpserver.HttpServer;
import dev.governor.audit.Fixtures;
import dev.governor.testing.Given;
import dev.governor.testing.RegisteredAgent;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

import static dev.governor.testing.TestAuth.as;
import static dev.governor.testing.TestAuth.asAdmin;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.is;

/** A verifier served from inside the test: its answers become reviews, its failures never block a claim. */
@QuarkusTest
@TestProfile(OutcomeVerifierTest.WithVerifier.class)
class OutcomeVerifierTest {

    /** What the verifier answers per target: a status and a body; unknown targets are confirmed. */
    static final Map<String, String[]> ANSWERS = new ConcurrentHashMap<>();
    static final Queue<String> RECEIVED = new ConcurrentLinkedQueue<>();
    static final AtomicInteger CALLS = new AtomicInteger();
    static final HttpServer SERVER = server();

    public static class WithVerifier implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("governor.outcomes.verifier-url", "http://127.0.0.1:" + SERVER.getAddress().getPort() + "/verify",
                    "governor.outcomes.verifier-attempts", "2", "governor.outcomes.verifier-backoff", "PT0.05S",
                    "governor.outcomes.verifier-timeout", "PT2S");
        }
    }

    @Inject
    TrackRecords tracks;

    @AfterAll
    static void stop() {
        SERVER.stop(0);
    }

    @Test
    void answersBecomeReviewsByTheVerifierAndBadAnswersChangeNothing() throws Exception {
        Instant since = Instant.now().minusSeconds(60);
        RegisteredAgent agent = Given.agent("ver-" + UUID.randomUUID().toString().substring(0, 8))
                .permissions("config:*").register();
        ANSWERS.put("cfg/ok", new String[] {"200", "{\"verdict\": \"CONFIRMED\", \"comment\": \"flag is on\"}"});
        ANSWERS.put("cfg/bad", new String[] {"200", "{\"verdict\": \"DISPUTED\", \"comment\": \"flag is off\"}"});
        ANSWERS.put("cfg/nonsense", new String[] {"200", "{\"verdict\": \"MAYBE\"}"});
        ANSWERS.put("cfg/down", new String[] {"503", "{}"});
        String ok = claim(agent, "cfg/ok");
        String bad = claim(agent, "cfg/bad");
        claim(agent, "cfg/nonsense");
        claim(agent, "cfg/down");

        long deadline = System.currentTimeMillis() + 15_000;
        TrackRecord t = tracks.of(agent.id(), since, Instant.now().plusSeconds(60));
        while ((t.outcomesConfirmed() < 1 || t.outcomesDisputed() < 1 || CALLS.get() < 5)
                && System.currentTimeMillis() < deadline) {
            Thread.sleep(100); // waiting on another process (the verifier), not on Governor's clock
            t = tracks.of(agent.id(), since, Instant.now().plusSeconds(60));
        }
        assertThat(t.outcomesClaimed()).isEqualTo(4);
        assertThat(t.examples().get("outcomesConfirmed")).containsExactly(UUID.fromString(ok));
        assertThat(t.examples().get("outcomesDisputed")).containsExactly(UUID.fromString(bad));
        assertThat(CALLS.get()).as("4 claims, the 503 retried once").isEqualTo(5);
        assertThat(RECEIVED).anySatisfy(m -> assertThat(m).contains("\"expectedEffect\":{").contains("\"description\":\"cfg/ok set\"")
                .contains("\"outcome\":{").contains("\"decision\":{"));
        String log = asAdmin().queryParam("format", "ndjson").get("/v1/audit/log").then().extract().asString();
        assertThat(log.lines().filter(l -> l.contains("OUTCOME_REVIEWED") && l.contains(ok)).findFirst().orElseThrow())
                .contains("\"verifier\"").contains("flag is on");
        asAdmin().get("/v1/audit/verify").then().body("valid", is(true));
    }

    private static String claim(RegisteredAgent agent, String target) {
        Map<String, Object> extra = Map.of("expectedEffect", Map.of("description", target + " set", "target", target));
        String id = Fixtures.decide(agent, Fixtures.action("config.update", "sandbox", target), extra).statusCode(200)
                .body("outcome", is("ALLOW")).extract().path("decisionId");
        long started = System.nanoTime();
        as(agent).contentType(ContentType.JSON).body(Map.of("status", "SUCCEEDED"))
                .post("/v1/decisions/{id}/outcome", id).then().statusCode(201);
        assertThat((System.nanoTime() - started) / 1_000_000).as("the claim never waits for the verifier").isLessThan(1500);
        return id;
    }

    private static HttpServer server() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/verify", exchange -> {
                CALLS.incrementAndGet();
                String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                RECEIVED.add(body);
                String[] answer = ANSWERS.entrySet().stream().filter(e -> body.contains("\"target\":\"" + e.getKey() + "\""))
                        .map(Map.Entry::getValue).findFirst().orElse(new String[] {"200", "{\"verdict\": \"CONFIRMED\"}"});
                byte[] bytes = answer[1].getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(Integer.parseInt(answer[0]), bytes.length);
                exchange.getResponseBody().write(bytes);
                exchange.close();
            });
            server.start();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
