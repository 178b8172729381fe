package dev.governor.audit;

import dev.governor.testing.Given;
import dev.governor.testing.RegisteredAgent;
import dev.governor.testing.TestUser;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.List;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.Map;
import java.util.UUID;

import static dev.governor.testing.TestAuth.as;
import static dev.governor.testing.TestAuth.asAdmin;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.is;

@QuarkusTest
class ApprovalAuditTest {

    @Test
    void approvalStateChangesJoinTheChainWithWhoDidThem() {
        RegisteredAgent agent = Given.agent("auditee-" + UUID.randomUUID().toString().substring(0, 8))
                .environments("production").permissions("*:*").register();
        TestUser dave = Given.user("dave@example.com").roles("approver").create();
        String approvalId = as(agent).contentType(ContentType.JSON)
                .body(Map.of("agentId", agent.id(), "action", Map.of("type", "database.drop", "environment", "production",
                        "impact", Map.of("records", 5000), "rollbackPlan", "restore snapshot snap-9")))
                .post("/v1/decisions").then().statusCode(200)
                .body("outcome", is("REQUIRE_APPROVAL")).extract().path("approval.id");

        as(dave).contentType(ContentType.JSON).body(Map.of("approver", "dave@example.com", "comment", "checked backup"))
                .post("/v1/approvals/{id}/approve", approvalId).then().statusCode(200);

        String log = asAdmin().queryParam("format", "ndjson").get("/v1/audit/log").then().statusCode(200)
                .extract().asString();
        List<String> events = Arrays.stream(log.split("\n"))
                .filter(l -> l.contains("\"APPROVAL_EVENT\"") && l.contains(approvalId)).toList();
        assertThat(events).hasSize(2);
        assertThat(events.get(0)).contains("OPENED");
        assertThat(events.get(1)).contains("APPROVED").contains("dave@example.com").contains("checked backup");
        asAdmin().get("/v1/audit/verify").then().statusCode(200).body("valid", is(true));
    }
}
