package dev.governor.approval;

import dev.governor.testing.Races;
import dev.governor.testing.RegisteredAgent;
import dev.governor.testing.TestUser;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import static dev.governor.Api.action;
import static dev.governor.Api.approve;
import static dev.governor.Api.approver;
import static dev.governor.Api.decide;
import static dev.governor.Api.registerAgent;
import static dev.governor.Api.reject;
import static dev.governor.testing.TestAuth.asAdmin;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.is;

/** Many requests at once against one approval: exactly one state change wins, the rest see it. */
@QuarkusTest
class ApprovalRaceTest {

    private static final int THREADS = 16;

    private static Map<String, Object> drop() {
        return action("database.drop", "sandbox", 5000, 0, 0, "restore from backup b-7");
    }

    private static String openApproval(RegisteredAgent agent) {
        return decide(agent, drop()).statusCode(200).body("outcome", is("REQUIRE_APPROVAL"))
                .extract().path("approval.id");
    }

    private static <T> List<T> race(Callable<T> task) throws Exception {
        return Races.race(THREADS, task);
    }

    @Test
    void racingApproversAndRejectersEndInOneFinalState() throws Exception {
        RegisteredAgent agent = registerAgent("AUTONOMOUS", List.of("sandbox"), List.of("*:*"));
        String approvalId = openApproval(agent);
        var counter = new java.util.concurrent.atomic.AtomicInteger();
        List<TestUser> approvers = new ArrayList<>();
        for (int n = 1; n <= THREADS; n++) approvers.add(approver("approver-" + n + "@example.com"));

        List<Integer> statuses = race(() -> {
            int n = counter.incrementAndGet();
            var response = n % 2 == 0 ? approve(approvalId, approvers.get(n - 1))
                    : reject(approvalId, approvers.get(n - 1));
            return response.extract().statusCode();
        });

        assertThat(statuses).filteredOn(s -> s == 200).hasSize(1);
        assertThat(statuses).filteredOn(s -> s == 409).hasSize(THREADS - 1);
        List<String> events = asAdmin().get("/v1/approvals/{id}", approvalId).then().statusCode(200)
                .extract().path("events.type");
        assertThat(events).hasSize(2).first().isEqualTo("OPENED");
    }

    @Test
    void anApprovalIsConsumedExactlyOnceUnderConcurrentExecution() throws Exception {
        RegisteredAgent agent = registerAgent("AUTONOMOUS", List.of("sandbox"), List.of("*:*"));
        String approvalId = openApproval(agent);
        approve(approvalId, approver("bob@example.com")).statusCode(200);

        List<String> outcomes = race(() -> decide(agent, drop(), Map.of("approvalId", approvalId))
                .statusCode(200).extract().<String>path("outcome"));

        assertThat(outcomes).filteredOn("ALLOW"::equals).hasSize(1);
        assertThat(outcomes).filteredOn("DENY"::equals).hasSize(THREADS - 1);
        asAdmin().get("/v1/approvals/{id}", approvalId).then()
                .body("status", is("CONSUMED"))
                .body("events.type", org.hamcrest.Matchers.contains("OPENED", "APPROVED", "CONSUMED"));
    }
}
