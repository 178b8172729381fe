package dev.governor.client;

import dev.governor.testing.RegisteredAgent;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.security.PublicKey;
import java.util.List;
import java.util.Map;

import static dev.governor.Api.registerAgent;
import static dev.governor.testing.TestAuth.anonymous;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The executor's side against the real service: the Java client's verifier, which shares no code
 * with the server, accepts the receipt of an ALLOW for the action that was asked about, once, and
 * refuses another action, a DENY, and a key set without Governor's key.
 */
@QuarkusTest
class ReceiptVerificationTest {

    @TestHTTPResource("/")
    String base;

    @Test
    void anExecutorAcceptsTheReceiptOfThisActionOnceAndNothingElse() throws Exception {
        RegisteredAgent agent = registerAgent("AUTONOMOUS", List.of("sandbox"), List.of("config:*"));
        GovernorClient client = GovernorClient.builder().baseUri(base).agentKey(agent.apiKey())
                .retryPolicy(RetryPolicy.none()).build();
        ActionRequest.Action action = new ActionRequest.Action("config.update", "sandbox", "svc/web",
                new ActionRequest.Impact(0L, 0L, new BigDecimal("40.0")), "re-apply revision 41");
        Decision allowed = client.decide(ActionRequest.of(agent.id(), "receipts", action));
        assertThat(allowed.outcome()).isEqualTo(Outcome.ALLOW);

        Map<String, PublicKey> keys = Receipts.keys(anonymous().get("/v1/keys").then().statusCode(200).extract().asString());
        ReceiptGuard guard = new ReceiptGuard(keys);
        Receipts.Claims claims = guard.accept(allowed.receipt(), action);
        assertThat(claims.decisionId()).isEqualTo(allowed.decisionId());
        assertThat(claims.policyVersion()).isEqualTo(allowed.policyVersion());
        assertThat(claims.auditSeq()).isPositive();
        assertThatThrownBy(() -> guard.accept(allowed.receipt(), action)).hasMessageContaining("already acted on");

        ActionRequest.Action elsewhere = new ActionRequest.Action("config.update", "sandbox", "svc/ledger",
                new ActionRequest.Impact(0L, 0L, new BigDecimal("40.0")), "re-apply revision 41");
        assertThatThrownBy(() -> Receipts.verify(allowed.receipt(), elsewhere, keys)).hasMessageContaining("another action");
        assertThatThrownBy(() -> Receipts.verify(allowed.receipt(), action, Map.of()))
                .hasMessageContaining("not among the keys");

        ActionRequest.Action drop = new ActionRequest.Action("database.drop", "sandbox", "db/x",
                new ActionRequest.Impact(1L, 0L, BigDecimal.ZERO), "restore from backup b-7");
        Decision denied = client.decide(ActionRequest.of(agent.id(), "receipts", drop));
        assertThat(denied.outcome()).isEqualTo(Outcome.DENY);
        assertThat(Receipts.verify(denied.receipt(), drop, keys).outcome()).isEqualTo("DENY");
        assertThatThrownBy(() -> guard.accept(denied.receipt(), drop)).hasMessageContaining("DENY");
    }
}
