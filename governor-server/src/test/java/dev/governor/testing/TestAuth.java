package dev.governor.testing;

import io.restassured.specification.RequestSpecification;

import static io.restassured.RestAssured.given;

/**
 * Who a request is sent as. Nothing is added behind a test's back: a request made with plain
 * {@code given()} carries no credentials and is answered 401 by every protected endpoint.
 */
public final class TestAuth {

    /** The bootstrap admin token set in the %test profile. */
    public static final String ADMIN_TOKEN = "gvu_test-bootstrap-admin-token-0123456789abcdef";

    /** Well-formed, but never issued: authenticates nobody. */
    public static final String UNKNOWN_AGENT_KEY = "gvk_unknown-agent-key-for-tests-000000000000000";

    private TestAuth() {
    }

    /** A request with no credentials at all. */
    public static RequestSpecification anonymous() {
        return given();
    }

    /** A request with {@code Authorization: Bearer <token>}. */
    public static RequestSpecification as(String token) {
        return given().header("Authorization", "Bearer " + token);
    }

    /** A request as this agent (its API key) or user (its token). */
    public static RequestSpecification as(Credential caller) {
        return as(caller.bearer());
    }

    public static RequestSpecification asAdmin() {
        return as(ADMIN_TOKEN);
    }

    /** Shorthand for {@code Given.user(name).roles(roles).create().token()}. */
    public static String user(String name, String... roles) {
        return Given.user(name).roles(roles).create().token();
    }
}
