package dev.governor.identity.cli;

import dev.governor.testing.AuditRows;
import dev.governor.testing.Given;
import dev.governor.testing.TestUser;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static dev.governor.testing.TestAuth.as;
import static dev.governor.testing.TestAuth.asAdmin;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code admin reset-token}: a lost administrator token is replaced from the host, the new one is
 * printed once and works, the old one stops working, and the chain records it. The bootstrap
 * administrator of the test profile is left alone (other tests use its token): each case resets an
 * administrator of its own.
 */
@QuarkusTest
class AdminResetTokenTest {

    @Inject
    AdminCli cli;
    @Inject
    EntityManager em;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return cli.run(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8), args);
    }

    private static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
    }

    @Test
    void aNewTokenIsPrintedOnceWorksAndTheOldOneIsRevokedAndAudited() {
        TestUser admin = Given.user(unique("lost-admin")).roles("admin").create();
        as(admin.token()).get("/v1/users").then().statusCode(200);

        assertThat(run("admin", "reset-token", "--user", admin.name())).isEqualTo(AdminCli.OK);

        String token = out.toString(StandardCharsets.UTF_8).strip();
        assertThat(token).startsWith("gvu_").isNotEqualTo(admin.token()).doesNotContain("\n");
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("shown this once").doesNotContain(token);
        as(token).get("/v1/users").then().statusCode(200);
        as(admin.token()).get("/v1/users").then().statusCode(401);

        List<String> records = AuditRows.payloads(em, "USER_TOKEN_RESET", admin.name());
        assertThat(records).singleElement().satisfies(p -> assertThat(p)
                .contains("\"via\":\"admin reset-token on the server's host\"")
                .contains("\"tokenPrefix\":\"" + token.substring(0, 8))
                .contains("revokedTokenPrefix")
                .doesNotContain(token));
        asAdmin().get("/v1/audit/verify").then().statusCode(200).body("valid", org.hamcrest.Matchers.equalTo(true));
    }

    @Test
    void refusesWhoIsNotAnActiveAdministratorAndChangesNothing() {
        TestUser approver = Given.user(unique("not-admin")).roles("approver").create();
        assertThat(run("admin", "reset-token", "--user", approver.name())).isEqualTo(AdminCli.REFUSED);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("is not an administrator");
        as(approver.token()).get("/v1/users").then().statusCode(403); // still authenticates: not reset

        TestUser disabled = Given.user(unique("disabled-admin")).roles("admin").create();
        asAdmin().contentType(ContentType.JSON).body(Map.of("reason", "left the company"))
                .post("/v1/users/" + disabled.name() + "/disable").then().statusCode(200);
        assertThat(run("admin", "reset-token", "--user", disabled.name())).isEqualTo(AdminCli.REFUSED);
        assertThat(run("admin", "reset-token", "--user", unique("nobody"))).isEqualTo(AdminCli.REFUSED);
        assertThat(out.size()).as("no token printed").isZero();
        assertThat(AuditRows.kinds(em, disabled.name())).doesNotContain("USER_TOKEN_RESET");
    }

    @Test
    void wrongUsageShowsTheHelp() {
        assertThat(run("admin")).isEqualTo(AdminCli.USAGE);
        assertThat(run("admin", "reset-token", "--user")).isEqualTo(AdminCli.USAGE);
        assertThat(run("admin", "reset-token", "--name", "x")).isEqualTo(AdminCli.USAGE);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("usage: admin reset-token");
        assertThat(out.size()).isZero();
    }
}
