package dev.governor.approval;

import dev.governor.testing.AuditRows;
import dev.governor.testing.Races;
import dev.governor.testing.RegisteredAgent;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import static dev.governor.Api.action;
import static dev.governor.Api.approver;
import static dev.governor.Api.decide;
import static dev.governor.Api.judged;
import static dev.governor.Api.reject;
import static dev.governor.Api.registerAgent;
import static dev.governor.testing.TestAuth.asAdmin;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;

/** rules/pending-approvals.drl: at most 20 approvals of one agent wait for a human at a time. */
@QuarkusTest
class PendingApprovalCapTest {

    private static final int CAP = 20; // the number in rules/pending-approvals.drl

    @Inject
    ApprovalRepository approvals;

    @Inject
    EntityManager em;

    private static RegisteredAgent agent() {
        return registerAgent("AUTONOMOUS", List.of("sandbox"), List.of("database:*"));
    }

    /** Irreversible, so it needs sign-off (reversibility.dmn); a distinct target each time. */
    private static Map<String, Object> drop(int n) {
        Map<String, Object> action = action("database.drop", "sandbox", 10, 0, 0, "restore from backup b-" + n);
        action.put("target", "db/scratch-" + n);
        return action;
    }

    @Test
    void theTwentyFirstPendingApprovalIsDeniedAndRecorded() {
        RegisteredAgent agent = agent();
        String first = null;
        for (int i = 0; i < CAP; i++) {
            String id = decide(agent, drop(i)).statusCode(200).body("outcome", is("REQUIRE_APPROVAL"))
                    .extract().path("approval.id");
            if (first == null) first = id;
        }
        var denied = decide(agent, drop(CAP)).statusCode(200)
                .body("outcome", is("DENY"))
                .body("reasons[0].code", is("TOO_MANY_PENDING_APPROVALS"))
                .body("reasons[0].source", is("rules/pending-approvals.drl#too-many-pending-approvals"))
                .body("approval", nullValue())
                .extract().<String>path("decisionId");
        assertThat(pending(agent)).isEqualTo(CAP);

        // Recorded like any other decision: stored with its facts and in the audit chain.
        asAdmin().get("/v1/decisions/{id}", denied).then().statusCode(200)
                .body("outcome", is("DENY"))
                .body("facts.pendingApprovals", is(CAP));
        assertThat(AuditRows.kinds(em, denied)).containsExactly("DECISION");

        // Once a human decided one, the agent may ask for sign-off again.
        reject(first, approver("bob@example.com")).statusCode(200);
        decide(agent, drop(CAP + 1)).statusCode(200).body("outcome", is("REQUIRE_APPROVAL"))
                .body("reasons.code", hasItem("IRREVERSIBLE_ACTION"));
    }

    @Test
    void fortySimultaneousStepsOpenExactlyTwentyApprovals() throws Exception {
        RegisteredAgent agent = agent();
        var next = new java.util.concurrent.atomic.AtomicInteger();

        List<String> outcomes = Races.race(2 * CAP, () -> judged(agent, drop(next.getAndIncrement())));

        assertThat(outcomes).hasSize(2 * CAP);
        assertThat(pending(agent)).as(new TreeSet<>(outcomes).toString()).isEqualTo(CAP);
        assertThat(outcomes.stream().filter(o -> o.startsWith("REQUIRE_APPROVAL")).count()).isEqualTo(CAP);
    }

    private long pending(RegisteredAgent agent) {
        return QuarkusTransaction.requiringNew().call(
                () -> approvals.pendingOf(agent.id(), OffsetDateTime.now(ZoneOffset.UTC)));
    }

}
