package dev.governor.testing;

import io.quarkus.test.junit.callback.QuarkusTestBeforeEachCallback;
import io.quarkus.test.junit.callback.QuarkusTestMethodContext;
import io.restassured.RestAssured;

/** Installs {@link TestAuth} before every Quarkus test (registered in META-INF/services). */
public class TestAuthCallback implements QuarkusTestBeforeEachCallback {

    @Override
    public void beforeEach(QuarkusTestMethodContext context) {
        if (RestAssured.filters().stream().noneMatch(f -> f instanceof TestAuth)) {
            RestAssured.filters(TestAuth.INSTANCE);
        }
    }
}
