package dev.governor.audit;

import dev.governor.testing.RegisteredAgent;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static dev.governor.testing.TestAuth.asAdmin;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Decisions, outcomes and plans committed while {@code GET /v1/audit/verify} walks the chain are
 * rows its walk has not seen yet: verify must catch up with the chain before it calls any of them
 * unbound, and never report an honest chain as broken.
 */
@QuarkusTest
class VerifyUnderLoadTest {

    @Test
    void rowsWrittenDuringVerifyAreNeverReportedUnbound() throws Exception {
        RegisteredAgent agent = Fixtures.agent("AUTONOMOUS", List.of("sandbox"), List.of("config:*"));
        for (int i = 0; i < 30; i++) Fixtures.decisionId(agent, Fixtures.action("config.update", "sandbox", "cfg/w" + i));
        int writers = 3;
        CyclicBarrier start = new CyclicBarrier(writers + 1);
        AtomicBoolean stop = new AtomicBoolean();
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        List<Future<Integer>> written = new ArrayList<>();
        for (int w = 0; w < writers; w++) {
            int writer = w;
            written.add(pool.submit(() -> {
                start.await();
                int n = 0;
                while (!stop.get()) {
                    Fixtures.decide(agent, Fixtures.action("config.update", "sandbox", "cfg/" + writer + "-" + n++), Map.of())
                            .statusCode(200);
                }
                return n;
            }));
        }
        List<Map<String, Object>> answers = new ArrayList<>();
        try {
            start.await();
            for (int i = 0; i < 8; i++) {
                answers.add(asAdmin().get("/v1/audit/verify").then().statusCode(200).extract().jsonPath().getMap(""));
            }
        } finally {
            stop.set(true);
            pool.shutdown();
            assertThat(pool.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
        }
        int total = 0;
        for (Future<Integer> f : written) total += f.get();
        assertThat(total).as("decisions written while verify ran").isPositive();
        assertThat(answers).allSatisfy(a -> assertThat(a).containsEntry("valid", true).containsEntry("unboundRow", null));
    }
}
