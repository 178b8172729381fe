package dev.governor.breakglass;

import dev.governor.MutableClock;
import dev.governor.testing.AuditRows;
import dev.governor.testing.Given;
import dev.governor.testing.Races;
import dev.governor.testing.RegisteredAgent;
import dev.governor.testing.TestUser;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import static dev.governor.Api.decide;
import static dev.governor.testing.TestAuth.as;
import static dev.governor.testing.TestAuth.asAdmin;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;

/**
 * Break-glass over HTTP: an exception two people other than the requester and the owner approved
 * lifts what it names for its agent, types and targets only, until its end (the injectable clock)
 * or its revocation; racing approvals activate it once; every step is in the audit chain.
 */
@QuarkusTest
class ExceptionTest {

    private static final AtomicInteger PEOPLE = new AtomicInteger();

    @Inject
    EntityManager em;

    @Test
    void twoOtherPeopleActivateItAndItLiftsOnlyWhatItNames() {
        TestUser ownerUser = Given.user(person("owner")).roles("approver").create();
        String owner = ownerUser.name();
        RegisteredAgent agent = Given.agent().owner(owner).permissions("config:read").register();
        TestUser requester = Given.user(person("requester")).roles("agent-admin").create();
        TestUser first = approver();
        TestUser second = approver();
        mutate(agent, "app/" + agent.id() + "/config").body("outcome", equalTo("DENY"))
                .body("reasons.code", hasItem("PERMISSION_NOT_GRANTED"));

        String id = ask(requester, body(agent.id(), "PT2H")).statusCode(201)
                .header("Location", containsString("/v1/exceptions/"))
                .body("status", equalTo("PENDING")).body("active", equalTo(false))
                .body("owner", equalTo(owner)).body("requestedBy", equalTo(requester.name()))
                .extract().path("id");
        mutate(agent, "app/" + agent.id() + "/config").body("outcome", equalTo("DENY"));

        approve(as(ownerUser), id).statusCode(403)
                .body("detail", containsString("neither"));
        approve(as(requester), id).statusCode(403);
        approve(as(first), id).statusCode(200).body("status", equalTo("PENDING")).body("approvals", hasSize(1));
        approve(as(first), id).statusCode(409).body("detail", containsString("another person"));
        approve(as(second), id).statusCode(200).body("status", equalTo("ACTIVE")).body("active", equalTo(true))
                .body("approvals.approver", hasItem(second.name()));

        String decision = mutate(agent, "app/" + agent.id() + "/config").body("outcome", equalTo("ALLOW"))
                .body("reasons.code", hasItem("EXCEPTION_APPLIED"))
                .body("reasons.code", not(hasItem("PERMISSION_NOT_GRANTED")))
                .body("reasons.find { it.code == 'EXCEPTION_APPLIED' }.message", containsString(id))
                .body("reasons.find { it.code == 'EXCEPTION_APPLIED' }.source",
                        equalTo("rules/exceptions.drl#exception-lifts-named-reasons"))
                .extract().path("decisionId");
        asAdmin().get("/v1/decisions/{id}", decision).then().statusCode(200)
                .body("response.reasons.code", hasItem("EXCEPTION_APPLIED"))
                .body("policyVerdict.outcome", equalTo("DENY"))
                .body("policyVerdict.reasons.code", hasItem("PERMISSION_NOT_GRANTED"));
        mutate(agent, "app/other/config").body("outcome", equalTo("DENY")).body("reasons.code", not(hasItem("EXCEPTION_APPLIED")));
        decide(agent, action("service.restart", "app/" + agent.id() + "/config")).statusCode(200)
                .body("outcome", equalTo("DENY")).body("reasons.code", hasItem("PERMISSION_NOT_GRANTED"));

        List<String> active = asAdmin().get("/v1/exceptions?active=true&agentId={a}", agent.id()).then().statusCode(200)
                .extract().path("id");
        assertThat(active).containsExactly(id);
        asAdmin().get("/v1/reports/compliance?framework=eu-ai-act").then().statusCode(200)
                .body("controls.find { it.id == 'art-14' }.evidence.exceptions.open",
                        org.hamcrest.Matchers.greaterThanOrEqualTo(1));

        as(first).contentType(ContentType.JSON).body(Map.of("reason", "INC resolved"))
                .post("/v1/exceptions/{id}/revoke", id).then().statusCode(200).body("status", equalTo("REVOKED"))
                .body("revokedBy", equalTo(first.name()));
        mutate(agent, "app/" + agent.id() + "/config").body("outcome", equalTo("DENY"));
        as(first).contentType(ContentType.JSON).body(Map.of("reason", "again"))
                .post("/v1/exceptions/{id}/revoke", id).then().statusCode(409);
        assertThat(AuditRows.kinds(em, id)).containsExactly("EXCEPTION_REQUESTED", "EXCEPTION_APPROVED",
                "EXCEPTION_ACTIVATED", "EXCEPTION_REVOKED");
        asAdmin().get("/v1/audit/verify").then().statusCode(200).body("valid", equalTo(true));
    }

    @Test
    void itEndsByItselfWhenItsTimeIsUp() {
        MutableClock clock = MutableClock.install();
        RegisteredAgent agent = Given.agent().permissions("config:read").register();
        String id = active(agent.id(), "PT1H");
        mutate(agent, "app/" + agent.id() + "/config").body("outcome", equalTo("ALLOW"));
        clock.advance(Duration.ofMinutes(61));
        mutate(agent, "app/" + agent.id() + "/config").body("outcome", equalTo("DENY"))
                .body("reasons.code", not(hasItem("EXCEPTION_APPLIED")));
        asAdmin().get("/v1/exceptions/{id}", id).then().statusCode(200).body("status", equalTo("EXPIRED"))
                .body("active", equalTo(false));
        List<String> active = asAdmin().get("/v1/exceptions?active=true&agentId={a}", agent.id()).then()
                .statusCode(200).extract().path("id");
        assertThat(active).isEmpty();
        as(approver()).contentType(ContentType.JSON).body(Map.of("reason", "late"))
                .post("/v1/exceptions/{id}/revoke", id).then().statusCode(409);
    }

    @Test
    void racingSecondApprovalsActivateItExactlyOnce() throws Exception {
        RegisteredAgent agent = Given.agent().permissions("config:read").register();
        String id = ask(Given.admin(), body(agent.id(), "PT1H")).statusCode(201).extract().path("id");
        approve(as(approver()), id).statusCode(200);
        List<TestUser> racers = List.of(approver(), approver(), approver(), approver());
        AtomicInteger next = new AtomicInteger();
        List<Integer> statuses = Races.race(racers.size(), () ->
                approve(as(racers.get(next.getAndIncrement())), id).extract().statusCode());
        assertThat(statuses).containsOnly(200, 409);
        assertThat(statuses).filteredOn(s -> s == 200).hasSize(1);
        assertThat(AuditRows.kinds(em, id)).containsExactly("EXCEPTION_REQUESTED", "EXCEPTION_APPROVED",
                "EXCEPTION_ACTIVATED");
        asAdmin().get("/v1/exceptions/{id}", id).then().body("status", equalTo("ACTIVE")).body("approvals", hasSize(2));
    }

    @Test
    void onePersonApprovingManyTimesAtOnceCountsOnce() throws Exception {
        RegisteredAgent agent = Given.agent().permissions("config:read").register();
        String id = ask(Given.admin(), body(agent.id(), "PT1H")).statusCode(201).extract().path("id");
        TestUser same = approver();
        List<Integer> statuses = Races.race(6, () -> approve(as(same), id).extract().statusCode());
        assertThat(statuses).filteredOn(s -> s == 200).hasSize(1);
        assertThat(statuses).filteredOn(s -> s == 409).hasSize(5);
        asAdmin().get("/v1/exceptions/{id}", id).then().body("status", equalTo("PENDING")).body("approvals", hasSize(1));
        mutate(agent, "app/" + agent.id() + "/config").body("outcome", equalTo("DENY"));
    }

    @Test
    void hostileRequestsAreRefusedNamingTheField() {
        RegisteredAgent agent = Given.agent().permissions("config:read").register();
        TestUser requester = Given.admin();
        ask(requester, body(agent.id(), "PT9H")).statusCode(422).body("violations.field", hasItem("duration"))
                .body("detail", containsString("decision-tables/exceptions.dmn#ex-permission"));
        Map<String, Object> until = body(agent.id(), null);
        until.put("until", java.time.OffsetDateTime.now().plusHours(9).toString());
        ask(requester, until).statusCode(422).body("violations.field", hasItem("until"));
        ask(requester, with(body(agent.id(), "PT1H"), "reasonCodes", List.of("CODE_FREEZE", "AGENT_SUSPENDED")))
                .statusCode(422).body("violations.field", hasItem("reasonCodes[1]"))
                .body("detail", containsString("ex-identity"));
        ask(requester, with(body(agent.id(), "PT2H"), "reasonCodes", List.of("GLOBAL_HALT"))).statusCode(422)
                .body("violations.field", hasItem("duration"));
        ask(requester, with(body(agent.id(), "PT1H"), "reasonCodes", List.of("POLICY_ERROR"))).statusCode(422);
        ask(requester, with(body(agent.id(), "PT1H"), "reasonCodes", List.of("MAKE_IT_SO"))).statusCode(400)
                .body("violations.field", hasItem("reasonCodes[0]"));
        ask(requester, body("no-such-agent-" + UUID.randomUUID().toString().substring(0, 8), "PT1H")).statusCode(422)
                .body("violations.field", hasItem("agentId"));
        ask(requester, with(body(agent.id(), "PT1H"), "until", java.time.OffsetDateTime.now().plusMinutes(5).toString()))
                .statusCode(400).body("violations.field", hasItem("duration"));
        ask(requester, body(agent.id(), null)).statusCode(400).body("violations.field", hasItem("duration"));
        ask(requester, body(agent.id(), "two hours")).statusCode(400).body("violations.field", hasItem("duration"));
        ask(requester, body(agent.id(), "-PT1H")).statusCode(400).body("violations.field", hasItem("duration"));
        ask(requester, with(body(agent.id(), null), "until", java.time.OffsetDateTime.now().minusMinutes(1).toString()))
                .statusCode(400).body("violations.field", hasItem("until"));
        ask(requester, with(body(agent.id(), "PT1H"), "actionTypes", List.of("drop everything"))).statusCode(400)
                .body("violations.field", hasItem("actionTypes[0]"));
        ask(requester, with(body(agent.id(), "PT1H"), "targets", List.of())).statusCode(400)
                .body("violations.field", hasItem("targets"));
        ask(requester, with(body(agent.id(), "PT1H"), "targets", List.of("a\nb"))).statusCode(400)
                .body("violations.field", hasItem("targets[0]"));
        ask(requester, with(body(agent.id(), "PT1H"), "status", "ACTIVE")).statusCode(400);
        ask(requester, with(body(agent.id(), "PT1H"), "justification", " ")).statusCode(400)
                .body("violations.field", hasItem("justification"));
        asAdmin().get("/v1/exceptions/{id}", "not-a-uuid").then().statusCode(404);
        approve(as(approver()), UUID.randomUUID().toString()).statusCode(404);
        asAdmin().get("/v1/exceptions?agentId=Not An Id").then().statusCode(400);
        asAdmin().get("/v1/exceptions?active=maybe").then().statusCode(400);
    }

    @Test
    void anAgentCanNeitherAskForNorApproveItsOwnException() {
        RegisteredAgent agent = Given.agent().permissions("config:read").register();
        ask(agent, body(agent.id(), "PT1H")).statusCode(403);
        String id = ask(Given.admin(), body(agent.id(), "PT1H")).statusCode(201).extract().path("id");
        approve(as(agent), id).statusCode(403);
        approve(asAdmin(), id).statusCode(403); // the admin asked for it
    }

    private String active(String agentId, String duration) {
        String id = ask(Given.admin(), body(agentId, duration)).statusCode(201).extract().path("id");
        approve(as(approver()), id).statusCode(200);
        approve(as(approver()), id).statusCode(200).body("status", equalTo("ACTIVE"));
        return id;
    }

    private static Map<String, Object> body(String agentId, String duration) {
        Map<String, Object> body = new HashMap<>();
        body.put("agentId", agentId);
        body.put("actionTypes", List.of("config.update"));
        body.put("targets", List.of("app/" + agentId + "/*"));
        body.put("reasonCodes", List.of("PERMISSION_NOT_GRANTED"));
        body.put("justification", "INC-12: cache storm, the fix needs config:update");
        if (duration != null) body.put("duration", duration);
        return body;
    }

    private static Map<String, Object> with(Map<String, Object> body, String key, Object value) {
        body.put(key, value);
        return body;
    }

    private static ValidatableResponse ask(dev.governor.testing.Credential who, Map<String, Object> body) {
        return as(who).contentType(ContentType.JSON).body(body).post("/v1/exceptions").then();
    }

    private static ValidatableResponse approve(io.restassured.specification.RequestSpecification who, String id) {
        return who.contentType(ContentType.JSON).body(Map.of("comment", "seen the incident"))
                .post("/v1/exceptions/{id}/approve", id).then();
    }

    private static ValidatableResponse mutate(RegisteredAgent agent, String target) {
        return decide(agent, action("config.update", target)).statusCode(200);
    }

    private static Map<String, Object> action(String type, String target) {
        Map<String, Object> action = dev.governor.Api.action(type, "sandbox", 0, 0, 0, "re-apply the last revision");
        action.put("target", target);
        return action;
    }

    private static String person(String role) {
        return "exc-" + role + "-" + PEOPLE.incrementAndGet() + "-" + UUID.randomUUID().toString().substring(0, 6) + "@example.com";
    }

    private static TestUser approver() {
        return Given.user(person("approver")).roles("approver").create();
    }
}
