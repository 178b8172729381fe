package dev.governor.client;

import dev.governor.testing.RegisteredAgent;
import dev.governor.testing.TestUser;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import static dev.governor.Api.approver;
import static dev.governor.Api.registerAgent;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The Java client against the real service: every operation, and a refusal mapped to its type. */
@QuarkusTest
class GovernorClientApiTest {

    @TestHTTPResource("/")
    String base;

    private GovernorClient as(String bearer) {
        return GovernorClient.builder().baseUri(base).agentKey(bearer).retryPolicy(RetryPolicy.none()).build();
    }

    private static RegisteredAgent agent() {
        return registerAgent("AUTONOMOUS", List.of("production", "sandbox"), List.of("shipment:*", "config:*"));
    }

    private static ActionRequest ask(RegisteredAgent agent, String type, String environment, long records, long users,
                                     long money) {
        return ActionRequest.of(agent.id(), "client-it", new ActionRequest.Action(type, environment, "target/" + type,
                        new ActionRequest.Impact(records, users, java.math.BigDecimal.valueOf(money)),
                        "put it back as it was"))
                .withReasoning(new ActionRequest.Reasoning("test the client", null, "the client IT", null, null));
    }

    @Test
    void a_small_change_is_allowed_and_its_outcome_reported() {
        RegisteredAgent agent = agent();
        GovernorClient client = as(agent.apiKey());

        Decision decision = client.decide(ask(agent, "config.update", "sandbox", 0, 0, 0));
        OutcomeReport report = client.reportOutcome(decision.decisionId(), OutcomeStatus.SUCCEEDED, "applied");

        assertThat(decision.outcome()).isEqualTo(Outcome.ALLOW);
        assertThat(decision.policyVersion()).isNotBlank();
        assertThat(report.decisionId()).isEqualTo(decision.decisionId());
        assertThat(report.status()).isEqualTo(OutcomeStatus.SUCCEEDED);
    }

    @Test
    void an_ungranted_action_is_denied_with_its_reason_and_a_claim_on_it_is_a_conflict() {
        RegisteredAgent agent = agent();
        GovernorClient client = as(agent.apiKey());

        Decision decision = client.decide(ask(agent, "database.drop", "production", 1, 0, 0));

        assertThat(decision.outcome()).isEqualTo(Outcome.DENY);
        assertThat(decision.reasons()).extracting(Decision.Reason::code).contains("PERMISSION_NOT_GRANTED");
        assertThat(decision.reasons()).extracting(Decision.Reason::source).allMatch(s -> s != null && !s.isBlank());
        assertThatThrownBy(() -> client.reportOutcome(decision.decisionId(), OutcomeStatus.SUCCEEDED, "x"))
                .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.problem().status()).isEqualTo(409));
    }

    @Test
    void an_approval_is_awaited_while_a_human_approves_then_executed_exactly_once() throws Exception {
        RegisteredAgent agent = agent();
        TestUser bob = approver("client-it-approver@example.com");
        GovernorClient client = as(agent.apiKey());
        ActionRequest reroute = ask(agent, "shipment.reroute", "production", 600, 2000, 50_000);

        Decision asked = client.decide(reroute);
        assertThat(asked.outcome()).isEqualTo(Outcome.REQUIRE_APPROVAL);
        assertThat(asked.approval().status()).isEqualTo(ApprovalStatus.PENDING);

        CompletableFuture<Approval> waiting = CompletableFuture.supplyAsync(
                () -> client.awaitApproval(asked.approval().id(), Duration.ofSeconds(30)));
        Approval approved = as(bob.token()).approve(asked.approval().id(), "storm confirmed");
        Approval seen = waiting.get();

        assertThat(approved.status()).isEqualTo(ApprovalStatus.APPROVED);
        assertThat(approved.decidedBy()).isEqualTo(bob.name());
        assertThat(seen.status()).isIn(ApprovalStatus.APPROVED);
        Decision executed = client.executeApproved(seen.id(), reroute);
        assertThat(executed.outcome()).isEqualTo(Outcome.ALLOW);
        assertThat(executed.reasons()).extracting(Decision.Reason::code).contains("APPROVED");
        Decision again = client.executeApproved(seen.id(), reroute);
        assertThat(again.outcome()).isEqualTo(Outcome.DENY);
        assertThat(again.reasons()).extracting(Decision.Reason::code).contains("APPROVAL_CONSUMED");
    }

    @Test
    void a_plan_is_verified_and_its_step_executed() {
        RegisteredAgent agent = agent();
        GovernorClient client = as(agent.apiKey());
        ActionRequest step = ask(agent, "config.update", "sandbox", 0, 0, 0);

        PlanVerdict verdict = client.verifyPlan(new Plan(agent.id(), "client-it", "tidy the sandbox config",
                List.of(new Plan.Step(step.action(), List.of())), null));
        Decision executed = client.executePlanStep(verdict.planId(), 0, step);

        assertThat(verdict.outcome()).isEqualTo(Outcome.ALLOW);
        assertThat(verdict.steps()).singleElement().satisfies(s -> assertThat(s.outcome()).isEqualTo(Outcome.ALLOW));
        assertThat(executed.outcome()).isEqualTo(Outcome.ALLOW);
    }

    @Test
    void bad_input_another_agents_id_and_a_bad_key_are_typed_errors() {
        RegisteredAgent agent = agent();
        RegisteredAgent other = agent();
        GovernorClient client = as(agent.apiKey());

        assertThatThrownBy(() -> client.decide(ask(agent, "drop", "sandbox", 0, 0, 0)))
                .isInstanceOfSatisfying(ValidationException.class, e -> {
                    assertThat(e.status()).isEqualTo(400);
                    assertThat(e.problem().field()).isEqualTo("action.type");
                });
        assertThatThrownBy(() -> client.decide(ask(other, "config.update", "sandbox", 0, 0, 0)))
                .isInstanceOfSatisfying(AuthenticationException.class, e -> assertThat(e.status()).isEqualTo(403));
        assertThatThrownBy(() -> as("gva_not-a-key").decide(ask(agent, "config.update", "sandbox", 0, 0, 0)))
                .isInstanceOfSatisfying(AuthenticationException.class, e -> assertThat(e.status()).isEqualTo(401));
    }

    @Test
    void every_field_the_client_can_send_is_one_the_server_accepts() {
        // The server refuses unknown fields (400), so a client field under a wrong name would show here.
        RegisteredAgent agent = agent();
        GovernorClient client = as(agent.apiKey());
        ActionRequest.Input input = new ActionRequest.Input("weather-feed", "wind.hub-rotterdam",
                java.math.BigDecimal.valueOf(95), java.time.OffsetDateTime.now(java.time.ZoneOffset.UTC).minusMinutes(1));
        ActionRequest.Reasoning reasoning = new ActionRequest.Reasoning("goal", "the prompt", "why", List.of("wait"),
                new com.fasterxml.jackson.databind.ObjectMapper().createObjectNode().put("tool", "config_set"));
        ActionRequest full = new ActionRequest(agent.id(), "client-it", null, null, null,
                ask(agent, "config.update", "sandbox", 0, 0, 0).action(), List.of(input), reasoning,
                new com.fasterxml.jackson.databind.ObjectMapper().createObjectNode().put("description", "flag on"));

        Decision decision = client.decide(full);
        PlanVerdict plan = client.verifyPlan(new Plan(agent.id(), "client-it", "goal",
                List.of(new Plan.Step(full.action(), List.of(input))), reasoning));
        OutcomeReport report = client.reportOutcome(decision.decisionId(), OutcomeStatus.FAILED, true, "it broke");

        assertThat(decision.outcome()).isEqualTo(Outcome.ALLOW);
        assertThat(plan.outcome()).isEqualTo(Outcome.ALLOW);
        assertThat(report.incident()).isTrue();
    }
}
