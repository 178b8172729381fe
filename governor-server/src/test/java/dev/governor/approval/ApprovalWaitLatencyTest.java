package dev.governor.approval;

import dev.governor.testing.Given;
import dev.governor.testing.RegisteredAgent;
import dev.governor.testing.TestUser;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import static dev.governor.Api.action;
import static dev.governor.Api.approve;
import static dev.governor.Api.approver;
import static dev.governor.Api.decide;
import static dev.governor.Api.registerAgent;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.is;

/**
 * Issue 12, item 5: with 1,000 long-polls open, a decision still answers about as fast as
 * without them. A bound the issue asks for, so it is a timed test; see {@link #bound} for why
 * the bound is what it is.
 */
@QuarkusTest
class ApprovalWaitLatencyTest {

    private static final int CALLERS = 20;
    private static final int WAITS_PER_CALLER = 50; // the default cap: 20 x 50 = 1,000 waits
    private static final int SAMPLES = 20;

    @Inject
    ApprovalWaitSlots slots;

    @Test
    void aDecisionAnswersWhileAThousandWaitsAreOpen() throws Exception {
        RegisteredAgent asking = registerAgent("AUTONOMOUS", List.of("production"), List.of("shipment:*"));
        String approvalId = decide(asking, action("shipment.reroute", "production", 600, 2000, 50_000, "back"))
                .statusCode(200).body("outcome", is("REQUIRE_APPROVAL")).extract().path("approval.id");
        RegisteredAgent deciding = registerAgent("AUTONOMOUS", List.of("sandbox"), List.of("config:*"));
        for (int i = 0; i < 5; i++) decideOnce(deciding); // warm-up: first calls compile and fill caches
        long[] baseline = sample(deciding);

        List<TestUser> callers = new ArrayList<>();
        List<CompletableFuture<HttpResponse<String>>> waits = new ArrayList<>();
        for (int i = 0; i < CALLERS; i++) {
            TestUser caller = Given.user("latency-" + UUID.randomUUID().toString().substring(0, 8))
                    .roles("auditor").create();
            callers.add(caller);
            waits.addAll(LongPolls.open(WAITS_PER_CALLER, caller, approvalId, 60));
        }
        LongPolls.until(() -> callers.stream().mapToInt(c -> slots.openFor(c.name())).sum() == CALLERS * WAITS_PER_CALLER,
                Duration.ofSeconds(40), "all 1,000 waits open");
        long[] loaded = sample(deciding);
        boolean stillWaiting = waits.stream().noneMatch(CompletableFuture::isDone);

        approve(approvalId, approver("bob@example.com")).statusCode(200); // ends every wait at once
        for (var wait : waits) {
            HttpResponse<String> response = wait.get();
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.body()).contains("\"status\":\"APPROVED\"");
        }
        assertThat(stillWaiting).as("the 1,000 waits were open while the decisions were sampled").isTrue();
        bound(baseline, loaded);
    }

    /**
     * The issue asks for "within a few milliseconds of normal". On this shared two-core test
     * machine a single request can stall for a garbage collection or another process, so the
     * bound is deliberately generous: the median of 20 decisions with the waits open stays within
     * 200 ms of the median without them, and no single decision takes 2 s. Before this change the
     * 1,000 waits took every worker thread and a decision waited for a wait to end (up to 60 s),
     * so the bound separates the two behaviours by orders of magnitude while not flapping on noise.
     */
    private static void bound(long[] baseline, long[] loaded) {
        long base = median(baseline);
        long withWaits = median(loaded);
        assertThat(withWaits).as("median ms with 1,000 waits open %s vs without %s",
                java.util.Arrays.toString(loaded), java.util.Arrays.toString(baseline)).isLessThan(base + 200);
        assertThat(java.util.Arrays.stream(loaded).max().orElseThrow())
                .as("slowest decision ms with the waits open, of %s", java.util.Arrays.toString(loaded)).isLessThan(2000);
    }

    private static long[] sample(RegisteredAgent agent) {
        long[] ms = new long[SAMPLES];
        for (int i = 0; i < SAMPLES; i++) {
            long start = System.nanoTime();
            decideOnce(agent);
            ms[i] = (System.nanoTime() - start) / 1_000_000;
        }
        return ms;
    }

    private static void decideOnce(RegisteredAgent agent) {
        decide(agent, action("config.update", "sandbox", 1, 1, 0, "restore the previous value"))
                .statusCode(200).body("outcome", is("ALLOW"));
    }

    private static long median(long[] values) {
        long[] sorted = values.clone();
        java.util.Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
