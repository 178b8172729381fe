package dev.governor.approval;

import dev.governor.testing.Given;
import dev.governor.testing.Metrics;
import dev.governor.testing.RegisteredAgent;
import dev.governor.testing.TestUser;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.net.Socket;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import static dev.governor.Api.action;
import static dev.governor.Api.approve;
import static dev.governor.Api.approver;
import static dev.governor.Api.decide;
import static dev.governor.Api.registerAgent;
import static dev.governor.testing.TestAuth.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.startsWith;

/** governor.approval.max-waits-per-caller (50 by default): one caller's waits are capped, others still wait. */
@QuarkusTest
class ApprovalWaitCapTest {

    private static final int CAP = 50;
    private static final Duration LIMIT = Duration.ofSeconds(30);

    @Inject
    ApprovalWaitSlots slots;

    private static String pendingApproval() {
        RegisteredAgent agent = registerAgent("AUTONOMOUS", List.of("production"), List.of("shipment:*"));
        return decide(agent, action("shipment.reroute", "production", 600, 2000, 50_000, "reroute back"))
                .statusCode(200).body("outcome", is("REQUIRE_APPROVAL")).extract().path("approval.id");
    }

    private static TestUser reader() {
        return Given.user("waiter-" + UUID.randomUUID().toString().substring(0, 8)).roles("auditor").create();
    }

    private static double refusedWaits() {
        return Metrics.value("governor_throttled_total", "reason", "approval-wait-cap");
    }

    @Test
    void theCapPlusFirstWaitIsRefusedWhileAnotherCallerStillWaits() throws Exception {
        String approvalId = pendingApproval();
        TestUser flooding = reader();
        TestUser other = reader();
        var waits = LongPolls.open(CAP, flooding, approvalId, 60);
        LongPolls.until(() -> slots.openFor(flooding.name()) == CAP, LIMIT, "all " + CAP + " waits open");

        double refusedBefore = refusedWaits();
        as(flooding).get("/v1/approvals/{id}?waitSeconds=60", approvalId).then().statusCode(429)
                .contentType(startsWith("application/problem+json"))
                .header("Retry-After", "1")
                .body("status", is(429));
        assertThat(refusedWaits() - refusedBefore).isEqualTo(1.0);
        // Without waitSeconds no slot is needed: reading stays possible.
        as(flooding).get("/v1/approvals/{id}", approvalId).then().statusCode(200).body("status", is("PENDING"));
        // Another caller is not affected by the first one's cap.
        as(other).get("/v1/approvals/{id}?waitSeconds=1", approvalId).then().statusCode(200)
                .body("status", is("PENDING"));

        approve(approvalId, approver("bob@example.com")).statusCode(200);
        for (CompletableFuture<HttpResponse<String>> wait : waits) {
            HttpResponse<String> response = wait.get();
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.body()).contains("\"status\":\"APPROVED\"");
        }
        LongPolls.until(() -> slots.openFor(flooding.name()) == 0, LIMIT, "slots released after the change");
    }

    @Test
    void slotsComeBackWhenWaitsTimeOut() throws Exception {
        String approvalId = pendingApproval();
        TestUser caller = reader();
        var waits = LongPolls.open(CAP, caller, approvalId, 1);
        for (var wait : waits) {
            HttpResponse<String> response = wait.get();
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.body()).contains("\"status\":\"PENDING\"");
        }
        LongPolls.until(() -> slots.openFor(caller.name()) == 0, LIMIT, "slots released after the timeout");
        as(caller).get("/v1/approvals/{id}?waitSeconds=1", approvalId).then().statusCode(200);
    }

    @Test
    void slotsComeBackWhenClientsHangUp() throws Exception {
        String approvalId = pendingApproval();
        TestUser caller = reader();
        List<Socket> sockets = new ArrayList<>();
        try {
            for (int i = 0; i < CAP; i++) sockets.add(LongPolls.openRaw(caller, approvalId, 60));
            LongPolls.until(() -> slots.openFor(caller.name()) == CAP, LIMIT, "all " + CAP + " waits open");
            as(caller).get("/v1/approvals/{id}?waitSeconds=60", approvalId).then().statusCode(429);
        } finally {
            for (Socket s : sockets) s.close();
        }
        // Well before the 60 s the waits asked for: the server cancels a wait whose client left.
        LongPolls.until(() -> slots.openFor(caller.name()) == 0, LIMIT, "slots released after the hang-up");
        as(caller).get("/v1/approvals/{id}?waitSeconds=1", approvalId).then().statusCode(200)
                .body("status", is("PENDING"));
    }
}
