package dev.governor.freeze;

import dev.governor.testing.TestAuth;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

@QuarkusTest
class HaltResourceTest {

    @AfterEach
    void liftAnyHaltLeftBehind() {
        // A halt left in force would deny the mutations of every later test.
        if (given().get("/v1/halt").then().extract().<Boolean>path("active")) {
            given().delete("/v1/halt").then().statusCode(200);
        }
    }

    private static String registerAgent() {
        String id = "halted-" + UUID.randomUUID().toString().substring(0, 8);
        given().contentType(ContentType.JSON)
                .body(Map.of("id", id, "owner", "alice@example.com", "autonomyLevel", "AUTONOMOUS",
                        "environments", List.of("sandbox"), "permissions", List.of("*:*")))
                .post("/v1/agents").then().statusCode(201);
        return id;
    }

    private static ValidatableResponse decide(String agent, String type) {
        return given().contentType(ContentType.JSON)
                .body(Map.of("agentId", agent, "action", Map.of("type", type, "environment", "sandbox")))
                .post("/v1/decisions").then().statusCode(200);
    }

    @Test
    void oneCallHaltsEveryMutationOfEveryAgentUntilLifted() {
        String agent = registerAgent();
        decide(agent, "config.update").body("outcome", is("ALLOW"));

        given().contentType(ContentType.JSON).body(Map.of("reason", "incident INC-7"))
                .post("/v1/halt").then().statusCode(200)
                .body("active", is(true))
                .body("reason", is("incident INC-7"))
                .body("changedBy", notNullValue());

        decide(agent, "config.update")
                .body("outcome", is("DENY"))
                .body("reasons.code", hasItem("GLOBAL_HALT"))
                .body("reasons.source", hasItem("rules/halt.drl#global-halt-blocks-mutations"));
        decide(agent, "config.read").body("outcome", is("ALLOW"));
        given().contentType(ContentType.JSON).body(Map.of("reason", "again"))
                .post("/v1/halt").then().statusCode(409).contentType("application/problem+json");

        given().delete("/v1/halt").then().statusCode(200).body("active", is(false));
        decide(agent, "config.update")
                .body("outcome", is("ALLOW"))
                .body("reasons.code", not(hasItem("GLOBAL_HALT")));
        given().delete("/v1/halt").then().statusCode(409);

        String log = given().queryParam("format", "ndjson").get("/v1/audit/log").then().statusCode(200)
                .extract().asString();
        org.assertj.core.api.Assertions.assertThat(log.lines().filter(l -> l.contains("\"GLOBAL_HALT_CHANGED\"")))
                .hasSizeGreaterThanOrEqualTo(2);
    }

    @Test
    void onlyAnAdminHaltsAndAReasonIsRequired() {
        given().contentType(ContentType.JSON).body(Map.of())
                .post("/v1/halt").then().statusCode(400).body("violations.field", hasItem("reason"));

        String agent = registerAgent();
        String key = TestAuth.keyOf(agent);
        TestAuth.as(key).contentType(ContentType.JSON).body(Map.of("reason", "I want to stop everyone"))
                .post("/v1/halt").then().statusCode(403);
        given().get("/v1/halt").then().statusCode(200).body("active", is(false));
    }
}
