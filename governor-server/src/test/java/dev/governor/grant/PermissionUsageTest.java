package dev.governor.grant;

import dev.governor.Api;
import dev.governor.testing.AuditRows;
import dev.governor.testing.Given;
import dev.governor.testing.RegisteredAgent;
import dev.governor.testing.TestAuth;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static dev.governor.testing.TestAuth.asAdmin;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/** A known history of decisions, and the usage report it must give, exactly. */
@QuarkusTest
class PermissionUsageTest {

    @Inject
    EntityManager em;

    private static Map<String, Object> action(String type) {
        return Api.action(type, "sandbox", 0, 0, 0, "restore the previous version");
    }

    private static RegisteredAgent withHistory() {
        RegisteredAgent agent = Given.agent().permissions("config:*", "service:read", "report:export").register();
        Api.decide(agent, action("config.update")).statusCode(200);
        Api.decide(agent, action("config.update")).statusCode(200);
        Api.decide(agent, action("config.read")).statusCode(200);
        Api.decide(agent, action("service.read")).statusCode(200);
        Api.decide(agent, action("service.restart")).statusCode(200).body("reasons.code",
                org.hamcrest.Matchers.hasItem("PERMISSION_NOT_GRANTED"));
        Api.decide(agent, action("service.restart")).statusCode(200);
        return agent;
    }

    @Test
    void theReportCountsEveryGrantsDecisionsAndProposesTheNarrowerSet() {
        RegisteredAgent agent = withHistory();
        JsonPath report = asAdmin().queryParam("window", "P30D").get("/v1/agents/" + agent.id() + "/permissions/usage")
                .then().statusCode(200).extract().jsonPath();
        assertThat(report.getString("window")).isEqualTo("P30D");
        assertThat(report.getList("grants")).containsExactly("config:*", "report:export", "service:read");
        assertThat(report.getList("usage.grant")).containsExactly("config:*", "report:export", "service:read");
        assertThat(report.getList("usage.count", Integer.class)).containsExactly(3, 0, 1);
        assertThat(report.getList("usage[0].actionTypes")).containsExactly("config.read", "config.update");
        assertThat(report.getString("usage[0].lastUsed")).isNotNull();
        assertThat(report.getString("usage[1].lastUsed")).isNull();
        assertThat(report.getList("unused")).containsExactly("report:export");
        assertThat(report.getList("denied.actionType")).containsExactly("service.restart");
        assertThat(report.getList("denied.count", Integer.class)).containsExactly(2);
        assertThat(report.getList("proposed")).containsExactly("config:read", "config:update", "service:read");

        TestAuth.as(agent).get("/v1/agents/" + agent.id() + "/permissions/usage").then().statusCode(200)
                .body("window", equalTo("P30D"));
        RegisteredAgent other = Given.agent().register();
        TestAuth.as(other).get("/v1/agents/" + agent.id() + "/permissions/usage").then().statusCode(403);
        asAdmin().queryParam("window", "PT1H").get("/v1/agents/" + agent.id() + "/permissions/usage").then()
                .statusCode(200).body("usage[0].count", equalTo(3));
    }

    @Test
    void badWindowsAndUnknownAgentsAreClear4xx() {
        RegisteredAgent agent = Given.agent().register();
        for (String window : List.of("30", "P-1D", "PT1M", "P400D", "P30Dx", "%00")) {
            asAdmin().queryParam("window", window).get("/v1/agents/" + agent.id() + "/permissions/usage").then()
                    .statusCode(400).body("violations[0].field", equalTo("window"));
        }
        asAdmin().get("/v1/agents/no-such-agent/permissions/usage").then().statusCode(404);
        asAdmin().queryParam("window", "P1000D").get("/v1/reports/permissions").then().statusCode(400)
                .body("violations[0].field", equalTo("window"));
    }

    @Test
    void theReportCoversEveryAgentAPageAtATime() {
        withHistory();
        Given.agent().register();
        String auditor = TestAuth.user("usage-auditor", "auditor");
        TestAuth.as(auditor).queryParam("size", 2).get("/v1/reports/permissions").then().statusCode(200)
                .header("X-Total-Count", org.hamcrest.Matchers.notNullValue())
                .body("$", org.hamcrest.Matchers.hasSize(2))
                .body("[0].window", equalTo("P30D"));
    }

    @Test
    void narrowingKeepsASubsetOnlyAndIsAudited() {
        RegisteredAgent agent = Given.agent().permissions("config:*", "service:read", "report:export").register();
        String path = "/v1/agents/" + agent.id() + "/permissions/narrow";
        asAdmin().contentType(ContentType.JSON).body(Map.of("permissions", List.of("config:update", "service:read",
                "payments:refund"), "reason", "right-size")).post(path).then().statusCode(422)
                .body("violations[0].field", equalTo("permissions"))
                .body("detail", containsString("config:update, payments:refund"));
        asAdmin().contentType(ContentType.JSON).body(Map.of("permissions", List.of("config:*"))).post(path).then()
                .statusCode(400).body("violations[0].field", equalTo("reason"));
        asAdmin().contentType(ContentType.JSON).body(Map.of("permissions", List.of("NOPE"), "reason", "r")).post(path)
                .then().statusCode(400).body("violations[0].field", equalTo("permissions[0]"));
        asAdmin().contentType(ContentType.JSON).body("{\"reason\": \"r\"}").post(path).then().statusCode(400)
                .body("violations[0].field", equalTo("permissions"));

        asAdmin().contentType(ContentType.JSON).body(Map.of("permissions", List.of("config:*", "service:read"),
                "reason", "report:export unused for 30 days")).post(path).then().statusCode(200)
                .body("permissions", equalTo(List.of("config:*", "service:read")));
        assertThat(AuditRows.payloads(em, "AGENT_PERMISSIONS_NARROWED", agent.id())).singleElement()
                .asString().contains("report:export unused for 30 days").contains("permissionsBefore");
        asAdmin().contentType(ContentType.JSON).body(Map.of("permissions", List.of(), "reason", "r"))
                .post("/v1/agents/no-such-agent/permissions/narrow").then().statusCode(404);
    }
}
