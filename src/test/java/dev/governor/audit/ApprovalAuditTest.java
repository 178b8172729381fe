package dev.governor.audit;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.is;

@QuarkusTest
class ApprovalAuditTest {

    @Test
    void approvalStateChangesJoinTheChainWithWhoDidThem() {
        String agent = "auditee-" + UUID.randomUUID().toString().substring(0, 8);
        given().contentType(ContentType.JSON)
                .body(Map.of("id", agent, "owner", "alice@example.com", "autonomyLevel", "AUTONOMOUS",
                        "environments", List.of("production"), "permissions", List.of("*:*")))
                .post("/v1/agents").then().statusCode(201);
        String approvalId = given().contentType(ContentType.JSON)
                .body(Map.of("agentId", agent, "action", Map.of("type", "database.drop", "environment", "production",
                        "impact", Map.of("records", 5000), "rollbackPlan", "restore snapshot snap-9")))
                .post("/v1/decisions").then().statusCode(200)
                .body("outcome", is("REQUIRE_APPROVAL")).extract().path("approval.id");

        given().contentType(ContentType.JSON).body(Map.of("approver", "dave@example.com", "comment", "checked backup"))
                .post("/v1/approvals/{id}/approve", approvalId).then().statusCode(200);

        String log = given().queryParam("format", "ndjson").get("/v1/audit/log").then().statusCode(200)
                .extract().asString();
        List<String> events = Arrays.stream(log.split("\n"))
                .filter(l -> l.contains("\"APPROVAL_EVENT\"") && l.contains(approvalId)).toList();
        assertThat(events).hasSize(2);
        assertThat(events.get(0)).contains("OPENED");
        assertThat(events.get(1)).contains("APPROVED").contains("dave@example.com").contains("checked backup");
        given().get("/v1/audit/verify").then().statusCode(200).body("valid", is(true));
    }
}
