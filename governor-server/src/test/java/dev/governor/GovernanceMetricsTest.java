package dev.governor;

import dev.governor.approval.ApprovalMetrics;
import dev.governor.audit.AuditMetrics;
import dev.governor.testing.Given;
import dev.governor.testing.RegisteredAgent;
import dev.governor.testing.TestUser;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Map;

import static dev.governor.Api.action;
import static dev.governor.Api.approve;
import static dev.governor.Api.decide;
import static dev.governor.testing.Metrics.sum;
import static dev.governor.testing.TestAuth.asAdmin;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What an operator's scraper reads on /q/metrics after real requests: decisions by outcome,
 * deciding reason, action class and environment tier; the two latency histograms; pending
 * approvals and time to decision; the chain head; failed audit writes; policy reloads.
 */
@QuarkusTest
class GovernanceMetricsTest {

    @Inject
    ApprovalMetrics approvalMetrics;

    @Inject
    AuditMetrics auditMetrics;

    @Inject
    AgroalDataSource db;

    @Test
    void decisionsAreCountedByOutcomeReasonClassAndTierWithoutAgentIds() {
        RegisteredAgent agent = Given.agent().environments("sandbox").permissions("config:*").register();
        double evaluations = sum("governor_evaluation_seconds_count");
        double decisions = sum("governor_decision_seconds_count");

        Map<String, String> allowed = labels(decide(agent, action("config.update", "sandbox", 1, 0, 0, null))
                .statusCode(200).extract());
        Map<String, String> denied = labels(decide(agent, action("database.drop", "sandbox", 1, 0, 0, null))
                .statusCode(200).extract());

        assertThat(allowed).containsEntry("outcome", "ALLOW");
        assertThat(denied).containsEntry("outcome", "DENY").containsEntry("reason", "PERMISSION_NOT_GRANTED");
        double allowedBefore = sum("governor_decisions_total", allowed);
        decide(agent, action("config.update", "sandbox", 1, 0, 0, null)).statusCode(200);
        assertThat(sum("governor_decisions_total", allowed)).isEqualTo(allowedBefore + 1);
        assertThat(sum("governor_decisions_total", Map.of("environment_tier", "PRODUCTION", "outcome", "ALLOW",
                "reason", allowed.get("reason"), "action_class", allowed.get("action_class"))))
                .as("sandbox decisions are not counted under another tier").isZero();
        assertThat(sum("governor_decisions_total", denied)).isPositive();
        assertThat(sum("governor_evaluation_seconds_count")).isGreaterThanOrEqualTo(evaluations + 3);
        assertThat(sum("governor_decision_seconds_count")).isGreaterThanOrEqualTo(decisions + 3);
        assertThat(sum("governor_decision_seconds_bucket", Map.of("le", "+Inf")))
                .isEqualTo(sum("governor_decision_seconds_count"));
        String scrape = io.restassured.RestAssured.get("/q/metrics").asString();
        assertThat(scrape).doesNotContain(agent.id());
    }

    @Test
    void pendingApprovalsAndTimeToDecisionAreMeasured() {
        RegisteredAgent agent = Given.agent().environments("sandbox").register();
        TestUser approver = Api.approver("metrics-approver@example.com");
        String approvalId = decide(agent, action("database.drop", "sandbox", 5000, 0, 0, "restore from backup b-7"))
                .statusCode(200).extract().path("approval.id");

        double pending = approvalMetrics.refreshNow();
        assertThat(pending).isGreaterThanOrEqualTo(1);
        assertThat(sum("governor_approvals_pending")).isEqualTo(pending);

        double decided = sum("governor_approval_time_to_decision_seconds_count", Map.of("result", "APPROVED"));
        approve(approvalId, approver).statusCode(200);
        assertThat(sum("governor_approval_time_to_decision_seconds_count", Map.of("result", "APPROVED")))
                .isEqualTo(decided + 1);
        assertThat(approvalMetrics.refreshNow()).isLessThanOrEqualTo(pending - 1);
    }

    @Test
    void theChainHeadFollowsCommitsAndAFailedAuditWriteIsCounted() throws Exception {
        RegisteredAgent agent = Given.agent().environments("sandbox").register();
        long head = auditMetrics.refreshNow();
        assertThat(sum("governor_audit_chain_head")).isEqualTo((double) head);
        decide(agent, action("config.update", "sandbox", 1, 0, 0, null)).statusCode(200);
        assertThat(sum("governor_audit_chain_head")).as("this instance's own commit, without a refresh").isGreaterThan(head);

        Map<String, String> decisionKind = Map.of("kind", "DECISION");
        double failures = sum("governor_audit_write_failures_total", decisionKind);
        try (Connection c = db.getConnection()) {
            c.setAutoCommit(false);
            try (Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT last_seq FROM audit_head WHERE id = 1 FOR UPDATE")) {
                assertThat(rs.next()).isTrue();
                // the chain head is held, as by a hung writer: the decision's record cannot be appended in time
                decide(agent, action("config.update", "sandbox", 1, 0, 0, null)).statusCode(503);
            } finally {
                c.rollback();
            }
        }
        assertThat(sum("governor_audit_write_failures_total", decisionKind)).isEqualTo(failures + 1);
    }

    @Test
    void policyReloadsAreCountedByResult() {
        Map<String, String> activated = Map.of("result", "ACTIVATED", "trigger", "RELOAD");
        double before = sum("governor_policy_reloads_total", activated);
        // without the policy tests: what is counted is the load, and the tests take long on a busy machine
        asAdmin().post("/v1/policies/reload?requireTests=false").then().statusCode(200);
        assertThat(sum("governor_policy_reloads_total", activated)).isEqualTo(before + 1);
    }

    /** The labels the decision's counter series carries, from the answer itself. */
    private static Map<String, String> labels(ExtractableResponse<Response> answer) {
        List<String> codes = answer.path("reasons.code");
        return Map.of("outcome", answer.path("outcome"), "reason", codes.isEmpty() ? "NONE" : codes.get(0),
                "action_class", answer.path("reversibility"),
                "environment_tier", "SANDBOX");
    }
}
