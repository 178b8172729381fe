package dev.governor.identity;

import dev.governor.testing.TestAuth;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.containsString;

/** Refusals are problem+json like every other error, and say nothing about the secret tried. */
@QuarkusTest
class AuthProblemsTest {

    @Test
    void missingCredentialsAre401ProblemJsonWithAChallenge() {
        TestAuth.anonymous().get("/v1/agents").then()
                .statusCode(401)
                .header("WWW-Authenticate", "Bearer")
                .contentType("application/problem+json")
                .body("status", is(401))
                .body("title", is("Unauthorized"));
    }

    @Test
    void anUnknownKeyIs401ProblemJsonThatDoesNotEchoIt() {
        String guess = "gvk_this-key-was-never-issued-0123456789abcdef";
        TestAuth.as(guess).get("/v1/agents").then()
                .statusCode(401)
                .contentType("application/problem+json")
                .body("status", is(401))
                .body(not(containsString(guess)));
    }

    @Test
    void aRoleThatDoesNotCoverTheCallIs403ProblemJson() {
        String auditor = TestAuth.user("erin-auditor@example.com", "auditor");
        TestAuth.as(auditor).contentType(ContentType.JSON).body(Map.of("reason", "nope"))
                .post("/v1/halt").then()
                .statusCode(403)
                .contentType("application/problem+json")
                .body("status", is(403))
                .body("title", is("Forbidden"));
    }
}
