package dev.governor.freeze;

import dev.governor.testing.Given;
import dev.governor.testing.RegisteredAgent;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.UUID;

import static dev.governor.testing.TestAuth.as;
import static dev.governor.testing.TestAuth.asAdmin;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

@QuarkusTest
class HaltResourceTest {

    @AfterEach
    void liftAnyHaltLeftBehind() {
        // A halt left in force would deny the mutations of every later test.
        if (asAdmin().get("/v1/halt").then().extract().<Boolean>path("active")) {
            asAdmin().delete("/v1/halt").then().statusCode(200);
        }
    }

    private static RegisteredAgent registerAgent() {
        return Given.agent("halted-" + UUID.randomUUID().toString().substring(0, 8)).register();
    }

    private static ValidatableResponse decide(RegisteredAgent agent, String type) {
        return as(agent).contentType(ContentType.JSON)
                .body(Map.of("agentId", agent.id(), "action", Map.of("type", type, "environment", "sandbox",
                        "impact", Map.of("records", 0, "users", 0, "monetaryValue", 0))))
                .post("/v1/decisions").then().statusCode(200);
    }

    @Test
    void oneCallHaltsEveryMutationOfEveryAgentUntilLifted() {
        RegisteredAgent agent = registerAgent();
        decide(agent, "config.update").body("outcome", is("ALLOW"));

        asAdmin().contentType(ContentType.JSON).body(Map.of("reason", "incident INC-7"))
                .post("/v1/halt").then().statusCode(200)
                .body("active", is(true))
                .body("reason", is("incident INC-7"))
                .body("changedBy", notNullValue());

        decide(agent, "config.update")
                .body("outcome", is("DENY"))
                .body("reasons.code", hasItem("GLOBAL_HALT"))
                .body("reasons.source", hasItem("rules/halt.drl#global-halt-blocks-mutations"));
        decide(agent, "config.read").body("outcome", is("ALLOW"));
        asAdmin().contentType(ContentType.JSON).body(Map.of("reason", "again"))
                .post("/v1/halt").then().statusCode(409).contentType("application/problem+json");

        asAdmin().delete("/v1/halt").then().statusCode(200).body("active", is(false));
        decide(agent, "config.update")
                .body("outcome", is("ALLOW"))
                .body("reasons.code", not(hasItem("GLOBAL_HALT")));
        asAdmin().delete("/v1/halt").then().statusCode(409);

        String log = asAdmin().queryParam("format", "ndjson").get("/v1/audit/log").then().statusCode(200)
                .extract().asString();
        org.assertj.core.api.Assertions.assertThat(log.lines().filter(l -> l.contains("\"GLOBAL_HALT_CHANGED\"")))
                .hasSizeGreaterThanOrEqualTo(2);
    }

    @Test
    void onlyAnAdminHaltsAndAReasonIsRequired() {
        asAdmin().contentType(ContentType.JSON).body(Map.of())
                .post("/v1/halt").then().statusCode(400).body("violations.field", hasItem("reason"));

        RegisteredAgent agent = registerAgent();
        as(agent).contentType(ContentType.JSON).body(Map.of("reason", "I want to stop everyone"))
                .post("/v1/halt").then().statusCode(403);
        asAdmin().get("/v1/halt").then().statusCode(200).body("active", is(false));
    }
}
