package dev.governor.client;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class GovernorClientTest {
    private static final UUID DECISION = UUID.fromString("6f1c0000-0000-0000-0000-000000000001");
    private static final UUID APPROVAL = UUID.fromString("9a0e0000-0000-0000-0000-000000000002");
    private static final String UNAVAILABLE = """
            {"type":"urn:governor:problem:service-unavailable","title":"Service Unavailable","status":503,
             "detail":"the database did not answer in time"}""";
    private static final String ALLOW = """
            {"decisionId":"%s","outcome":"ALLOW","reversibility":"REVERSIBLE","blastRadius":"LOW","reasons":[],
             "policyVersion":"v1","decidedAt":"2026-12-04T01:00:00Z"}""".formatted(DECISION);

    private final List<Duration> waits = new CopyOnWriteArrayList<>();
    private StubGovernor stub;

    @BeforeEach
    void start() throws IOException {
        stub = new StubGovernor();
    }

    @AfterEach
    void stop() {
        stub.close();
    }

    private GovernorClient client(RetryPolicy retry, Clock clock) {
        return GovernorClient.builder().baseUri(stub.uri()).agentKey("gva_test-key").retryPolicy(retry)
                .sleeper(waits::add).clock(clock).build();
    }

    private GovernorClient client() {
        return client(RetryPolicy.defaults(), Clock.systemUTC());
    }

    private static ActionRequest request() {
        return ActionRequest.of("config-fixer", "run-42", new ActionRequest.Action("config.update", "production",
                "svc/payments", new ActionRequest.Impact(0L, null, null), "re-apply revision 41"));
    }

    @Test
    void governors_own_503_is_retried_after_the_retry_after_it_names_even_for_a_decision() {
        stub.problem(503, UNAVAILABLE, Map.of("Retry-After", "2")).json(200, ALLOW);

        Decision decision = client().decide(request());

        assertThat(decision.outcome()).isEqualTo(Outcome.ALLOW);
        assertThat(stub.seen()).hasSize(2);
        assertThat(waits).containsExactly(Duration.ofSeconds(2));
    }

    @Test
    void retries_are_bounded_and_the_last_503_is_thrown_typed() {
        stub.problem(503, UNAVAILABLE, Map.of("Retry-After", "1"));

        assertThatThrownBy(() -> client().decide(request()))
                .isInstanceOfSatisfying(UnavailableException.class, e -> {
                    assertThat(e.status()).isEqualTo(503);
                    assertThat(e.retryAfterSeconds()).isEqualTo(1);
                    assertThat(e.problem().detail()).isEqualTo("the database did not answer in time");
                });
        assertThat(stub.seen()).hasSize(3);
        assertThat(waits).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(1));
    }

    @Test
    void retry_after_as_an_http_date_is_read_against_the_clock() {
        Instant now = Instant.parse("2026-12-04T01:00:00Z");
        String date = DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.ofInstant(now.plusSeconds(7), ZoneOffset.UTC));
        stub.answer(503, "text/plain", "busy", Map.of("Retry-After", date))
                .json(200, "{\"id\":\"%s\",\"status\":\"APPROVED\"}".formatted(APPROVAL));

        Approval approval = client(RetryPolicy.defaults(), Clock.fixed(now, ZoneOffset.UTC)).approval(APPROVAL);

        assertThat(approval.status()).isEqualTo(ApprovalStatus.APPROVED);
        assertThat(waits).containsExactly(Duration.ofSeconds(7));
    }

    @Test
    void a_write_answered_503_by_something_else_than_governor_is_not_retried() {
        // A proxy's 503 says nothing about whether Governor carried the decision out.
        stub.answer(503, "text/html", "<html>bad gateway</html>", Map.of("Retry-After", "1")).json(200, ALLOW);

        assertThatThrownBy(() -> client().decide(request())).isInstanceOf(UnavailableException.class)
                .extracting(e -> ((GovernorException) e).problem()).isNull();
        assertThat(stub.seen()).hasSize(1);
        assertThat(waits).isEmpty();
    }

    @Test
    void a_retry_after_longer_than_the_policy_allows_ends_the_retries() {
        stub.problem(503, UNAVAILABLE, Map.of("Retry-After", "3600")).json(200, ALLOW);

        assertThatThrownBy(() -> client().decide(request())).isInstanceOf(UnavailableException.class);
        assertThat(stub.seen()).hasSize(1);
        assertThat(waits).isEmpty();
    }

    @Test
    void no_answer_at_all_is_unavailable_never_an_allow() {
        GovernorClient dead = GovernorClient.builder().baseUri("http://127.0.0.1:1").retryPolicy(RetryPolicy.none())
                .build();

        assertThatThrownBy(() -> dead.decide(request())).isInstanceOfSatisfying(UnavailableException.class,
                e -> assertThat(e.status()).isZero());
    }

    @Test
    void problem_json_becomes_a_typed_error_naming_the_field() {
        stub.problem(400, """
                {"type":"urn:governor:problem:invalid-input","title":"Invalid Input","status":400,
                 "detail":"1 field is invalid","violations":[{"field":"action.impact.users","message":"must be >= 0"}]}""",
                Map.of());

        assertThatThrownBy(() -> client().decide(request())).isInstanceOfSatisfying(ValidationException.class, e -> {
            assertThat(e.status()).isEqualTo(400);
            assertThat(e.problem().type()).isEqualTo("urn:governor:problem:invalid-input");
            assertThat(e.problem().field()).isEqualTo("action.impact.users");
            assertThat(e.problem().violations()).extracting(Problem.Violation::message).containsExactly("must be >= 0");
        });
        assertThat(stub.seen()).hasSize(1);
    }

    @Test
    void conflict_and_authentication_have_their_own_types_and_keep_extensions() {
        stub.problem(409, """
                {"type":"urn:governor:problem:conflict","title":"Conflict","status":409,"detail":"not ALLOW",
                 "unmetCriteria":[{"criterion":"decisions","required":50}]}""", Map.of());
        assertThatThrownBy(() -> client().reportOutcome(DECISION, OutcomeStatus.SUCCEEDED, "done"))
                .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.problem().extensions())
                        .containsKey("unmetCriteria"));

        stub.close();
        stub = uncheckedStub().problem(403, "{\"title\":\"Forbidden\",\"status\":403,\"detail\":\"not your agent\"}",
                Map.of());
        assertThatThrownBy(() -> client().decide(request())).isInstanceOfSatisfying(AuthenticationException.class,
                e -> assertThat(e.status()).isEqualTo(403));
    }

    @Test
    void fields_and_enum_values_the_client_does_not_know_are_ignored() {
        stub.json(200, """
                {"decisionId":"%s","outcome":"ESCALATE","reversibility":"REVERSIBLE","blastRadius":"LOW",
                 "reasons":[{"code":"NEW_CODE","outcome":"DENY","message":"m","source":"rules/x.drl#r",
                             "subject":{"kind":"input"},"severity":9}],
                 "riskScore":0.7,"explanations":{"nested":[1,2]}}""".formatted(DECISION));

        Decision decision = client().decide(request());

        assertThat(decision.outcome()).isEqualTo(Outcome.UNKNOWN);
        assertThat(decision.allowed()).isFalse();
        assertThat(decision.reasons()).extracting(Decision.Reason::code).containsExactly("NEW_CODE");
    }

    @Test
    void the_key_is_sent_as_a_bearer_token_and_unknown_figures_are_left_out() {
        stub.json(200, ALLOW);

        client().decide(request());

        StubGovernor.Seen sent = stub.seen().get(0);
        assertThat(sent.method()).isEqualTo("POST");
        assertThat(sent.uri()).isEqualTo("/v1/decisions");
        assertThat(sent.authorization()).isEqualTo("Bearer gva_test-key");
        assertThat(sent.body()).contains("\"records\":0").doesNotContain("users").doesNotContain("approvalId");
    }

    @Test
    void decide_and_await_waits_for_the_human_then_executes_the_identical_action() {
        stub.json(200, """
                {"decisionId":"%s","outcome":"REQUIRE_APPROVAL","reasons":[{"code":"HIGH_BLAST_RADIUS"}],
                 "approval":{"id":"%s","status":"PENDING","expiresAt":"2026-12-04T02:00:00Z"}}""".formatted(DECISION, APPROVAL))
                .json(200, "{\"id\":\"%s\",\"status\":\"PENDING\"}".formatted(APPROVAL))
                .json(200, "{\"id\":\"%s\",\"status\":\"APPROVED\",\"decidedBy\":\"bob\"}".formatted(APPROVAL))
                .json(200, ALLOW);

        Decision decision = client().decideAndAwait(request(), Duration.ofSeconds(90));

        assertThat(decision.outcome()).isEqualTo(Outcome.ALLOW);
        assertThat(stub.seen()).extracting(StubGovernor.Seen::uri).containsExactly("/v1/decisions",
                "/v1/approvals/" + APPROVAL + "?waitSeconds=60", "/v1/approvals/" + APPROVAL + "?waitSeconds=60",
                "/v1/decisions");
        assertThat(stub.seen().get(3).body()).contains("\"approvalId\":\"" + APPROVAL + "\"")
                .contains("\"target\":\"svc/payments\"");
    }

    @Test
    void await_approval_gives_back_the_pending_approval_when_the_time_is_up() {
        MovingClock clock = new MovingClock(Instant.parse("2026-12-04T01:00:00Z"));
        stub.onRequest(() -> clock.advance(Duration.ofSeconds(20)));
        stub.json(200, "{\"id\":\"%s\",\"status\":\"PENDING\"}".formatted(APPROVAL));

        Approval approval = client(RetryPolicy.defaults(), clock).awaitApproval(APPROVAL, Duration.ofSeconds(30));

        assertThat(approval.status()).isEqualTo(ApprovalStatus.PENDING);
        assertThat(stub.seen()).extracting(StubGovernor.Seen::uri).containsExactly(
                "/v1/approvals/" + APPROVAL + "?waitSeconds=30", "/v1/approvals/" + APPROVAL + "?waitSeconds=10");
    }

    @Test
    void a_wait_cap_429_on_a_read_is_retried() {
        stub.problem(429, "{\"title\":\"Too Many Requests\",\"status\":429}", Map.of("Retry-After", "1"))
                .json(200, "{\"id\":\"%s\",\"status\":\"REJECTED\"}".formatted(APPROVAL));

        assertThat(client().awaitApproval(APPROVAL, Duration.ofSeconds(5)).status()).isEqualTo(ApprovalStatus.REJECTED);
        assertThat(waits).containsExactly(Duration.ofSeconds(1));
    }

    @Test
    void outcome_and_plan_calls_send_what_the_server_expects() {
        stub.json(201, """
                {"id":"%s","decisionId":"%s","status":"SUCCEEDED","incident":false,"detail":"ok",
                 "reportedAt":"2026-12-04T01:00:00Z"}""".formatted(UUID.randomUUID(), DECISION));
        OutcomeReport report = client().reportOutcome(DECISION, OutcomeStatus.SUCCEEDED, "ok");
        assertThat(report.status()).isEqualTo(OutcomeStatus.SUCCEEDED);
        assertThat(stub.seen().get(0).uri()).isEqualTo("/v1/decisions/" + DECISION + "/outcome");
        assertThat(stub.seen().get(0).body()).isEqualTo("{\"status\":\"SUCCEEDED\",\"detail\":\"ok\"}");
    }

    private static StubGovernor uncheckedStub() {
        try {
            return new StubGovernor();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A clock the stub moves forward on each request, so a long-poll deadline passes without waiting. */
    static final class MovingClock extends Clock {
        private volatile Instant now;

        MovingClock(Instant start) {
            this.now = start;
        }

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }
}
