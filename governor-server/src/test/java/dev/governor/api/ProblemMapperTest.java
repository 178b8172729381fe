package dev.governor.api;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.Test;

import static dev.governor.testing.TestAuth.asAdmin;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;

@QuarkusTest
class ProblemMapperTest {

    private static final String VALID = """
            {"action": {"type": "config.update", "impact": {"users": 12, "records": 3, "monetaryValue": 9.5},
             "dryRun": false}, "tags": ["a"], "at": "2026-11-24T09:58:00+02:00"}""";

    private static ValidatableResponse post(String json) {
        return asAdmin().contentType("application/json").body(json).post("/test-only/echo").then();
    }

    /** Asserts a problem body and that nothing in it looks like Java internals. */
    static ValidatableResponse problem(ValidatableResponse response, int status) {
        return response.statusCode(status)
                .contentType("application/problem+json")
                .body("status", equalTo(status))
                .body("type", containsString("urn:governor:problem:"))
                .body("title", not(equalTo(null)))
                .body(not(containsString("java.")))
                .body(not(containsString("dev.governor")))
                .body(not(containsString("com.fasterxml")))
                .body(not(containsString("Exception")))
                .body(not(containsString("\tat ")));
    }

    @Test
    void validBodyRoundTripsWithIsoDates() {
        post(VALID).statusCode(200)
                .body("action.impact.users", equalTo(12))
                .body("action.impact.monetaryValue", equalTo(9.5f))
                .body("at", equalTo("2026-11-24T07:58:00Z"));
    }

    @Test
    void integerLiteralIsAcceptedForDecimal() {
        post(VALID.replace("9.5", "9")).statusCode(200);
    }

    @Test
    void malformedJsonIs400() {
        problem(post("{\"action\": {\"type\": "), 400)
                .body("detail", containsString("malformed JSON"));
    }

    @Test
    void unknownFieldIs400NamingIt() {
        problem(post(VALID.replace("\"tags\"", "\"outcome\": \"ALLOW\", \"tags\"")), 400)
                .body("violations", hasSize(1))
                .body("violations[0].field", equalTo("outcome"))
                .body("violations[0].message", equalTo("unknown field"));
    }

    @Test
    void nestedUnknownFieldNamesItsPath() {
        problem(post(VALID.replace("\"dryRun\"", "\"foo\": 1, \"dryRun\"")), 400)
                .body("violations[0].field", equalTo("action.foo"));
    }

    @Test
    void stringForIntegerIsRefused() {
        problem(post(VALID.replace("\"users\": 12", "\"users\": \"12\"")), 400)
                .body("violations[0].field", equalTo("action.impact.users"))
                .body("violations[0].message", containsString("integer"));
    }

    @Test
    void decimalForIntegerIsRefused() {
        problem(post(VALID.replace("\"users\": 12", "\"users\": 1.5")), 400)
                .body("violations[0].field", equalTo("action.impact.users"));
        problem(post(VALID.replace("\"records\": 3", "\"records\": 3.0")), 400)
                .body("violations[0].field", equalTo("action.impact.records"));
    }

    @Test
    void booleanForStringIsRefused() {
        problem(post(VALID.replace("\"config.update\"", "true")), 400)
                .body("violations[0].field", equalTo("action.type"))
                .body("violations[0].message", containsString("string"));
    }

    @Test
    void numberForStringAndStringForBooleanAreRefused() {
        problem(post(VALID.replace("\"config.update\"", "42")), 400)
                .body("violations[0].field", equalTo("action.type"));
        problem(post(VALID.replace("\"dryRun\": false", "\"dryRun\": \"false\"")), 400)
                .body("violations[0].field", equalTo("action.dryRun"));
    }

    @Test
    void nullForPrimitiveIsRefused() {
        problem(post(VALID.replace("\"users\": 12", "\"users\": null")), 400)
                .body("violations[0].field", equalTo("action.impact.users"))
                .body("violations[0].message", equalTo("must not be null"));
    }

    @Test
    void wrongShapeNamesArrayElement() {
        problem(post(VALID.replace("[\"a\"]", "[\"a\", {}]")), 400)
                .body("violations[0].field", equalTo("tags[1]"));
    }

    @Test
    void duplicateKeysAreRefused() {
        problem(post(VALID.replace("\"users\": 12", "\"users\": 12, \"users\": 13")), 400)
                .body("violations[0].field", equalTo("action.impact.users"))
                .body("violations[0].message", equalTo("duplicate field"));
    }

    @Test
    void trailingTokensAreRefused() {
        problem(post(VALID + " {}"), 400);
    }

    @Test
    void badDateIsRefused() {
        problem(post(VALID.replace("2026-11-24T09:58:00+02:00", "yesterday")), 400)
                .body("violations[0].field", equalTo("at"));
    }

    @Test
    void beanValidationPathIsTheJsonPath() {
        problem(post(VALID.replace("\"users\": 12", "\"users\": -1").replace("[\"a\"]", "[\"a\", \" \"]")), 400)
                .body("violations", hasSize(2))
                .body("violations[0].field", equalTo("action.impact.users"))
                .body("violations[1].field", equalTo("tags[1]"));
    }

    @Test
    void missingBodyIs400() {
        problem(asAdmin().contentType("application/json").post("/test-only/echo").then(), 400)
                .body("violations[0].field", equalTo("body"));
    }

    @Test
    void queryParamViolationNamesTheParam() {
        problem(asAdmin().queryParam("limit", 11).get("/test-only/query").then(), 400)
                .body("violations[0].field", equalTo("limit"));
    }

    @Test
    void wrongContentTypeIs415() {
        problem(asAdmin().contentType("text/plain").body(VALID).post("/test-only/echo").then(), 415);
    }

    @Test
    void unacceptableAcceptIs406() {
        problem(asAdmin().accept("text/csv").get("/test-only/conflict").then(), 406);
    }

    @Test
    void unknownPathIs404() {
        problem(asAdmin().get("/v1/does-not-exist").then(), 404);
        problem(asAdmin().get("/nothing/here").then(), 404);
    }

    @Test
    void wrongMethodIs405() {
        problem(asAdmin().delete("/test-only/echo").then(), 405);
    }

    @Test
    void apiExceptionKeepsItsStatus() {
        problem(asAdmin().get("/test-only/conflict").then(), 409)
                .body("detail", equalTo("state says no"));
    }

    @Test
    void unexpectedErrorIs500WithoutInternals() {
        problem(asAdmin().get("/test-only/boom").then(), 500)
                .body(not(containsString("secret")))
                .body(not(containsString("IllegalState")));
    }

    @Test
    void bodyOverTheLimitIs413BeforeParsing() {
        String big = "{\"x\": \"" + "a".repeat(300 * 1024) + "\"}";
        problem(asAdmin().contentType("application/json").body(big).post("/test-only/echo").then(), 413);
        // Well-formed or not does not matter: the body is never read.
        problem(asAdmin().contentType("application/json").body("x".repeat(300 * 1024)).post("/v1/agents").then(), 413);
    }

    @Test
    void bodyUnderTheLimitIsRead() {
        String padded = VALID.replace("[\"a\"]", "[\"" + "a".repeat(200 * 1024) + "\"]");
        post(padded).statusCode(200);
    }
}
