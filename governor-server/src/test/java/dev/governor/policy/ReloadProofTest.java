package dev.governor.policy;

import dev.governor.testing.Given;
import dev.governor.testing.TestUser;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;

import static dev.governor.testing.TestAuth.as;
import static dev.governor.testing.TestAuth.asAdmin;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.matchesPattern;

/** A reload proves the candidate (its own tests, a smoke evaluation) and activates it only once that is on record. */
@QuarkusTest
@TestProfile(TempPolicyProfile.class)
class ReloadProofTest {

    private static final Path LIVE = TempPolicyProfile.ROOT.resolve("live");

    @Inject
    PolicyService policies;
    @Inject
    AgroalDataSource db;

    @AfterEach
    void restoreShippedPolicy() {
        TempPolicyProfile.restore(policies);
    }

    @Test
    void aCandidateWithoutGateProdIrreversibleIsRefusedByThePolicyTests() throws Exception {
        Path gate = LIVE.resolve("decision-tables/governance-gate.dmn");
        String xml = Files.readString(gate);
        int from = xml.indexOf("      <rule id=\"gate-prod-irreversible\">");
        int to = xml.indexOf("</rule>", from) + "</rule>\n".length();
        Files.writeString(gate, xml.substring(0, from) + xml.substring(to));
        String before = version();
        as(author()).post("/v1/policies/reload").then().statusCode(422)
                .body("violations.field", hasItem("policy-tests/governance-gate.yaml"))
                .body("violations.message", hasItem(containsString("gate-prod-irreversible")));
        assertThat(version()).isEqualTo(before);
        asAdmin().get("/v1/policies/history?size=1").then()
                .body("[0].outcome", equalTo("REJECTED"))
                .body("[0].tests", matchesPattern("\\d+ cases, \\d+ passed, [1-9]\\d* failed"));
    }

    @Test
    void aCandidateThatLoopsIsRefusedAndNeverServes() throws Exception {
        Files.writeString(LIVE.resolve("rules/spin.drl"), """
                /* SPIN: re-fires itself on every read; never shipped. */
                package governor.rules;
                import dev.governor.policy.engine.facts.*;
                rule "spin-on-reads" when $a : ActionFact( verb == "read" ) then update($a); end
                """);
        String before = version();
        as(author()).post("/v1/policies/reload").then().statusCode(422)
                .body("violations.field", hasItem("policy"))
                .body("violations.message", hasItem(containsString("smoke evaluation")));
        assertThat(version()).isEqualTo(before);
    }

    @Test
    void anActivatedLoadCarriesItsFilesHashesAndTestsIntoTheChain() throws Exception {
        Files.writeString(LIVE.resolve("rules/freeze.drl"), Files.readString(LIVE.resolve("rules/freeze.drl")) + "\n// reviewed\n");
        String version = as(author()).post("/v1/policies/reload").then().statusCode(200)
                .body("load.tests", matchesPattern("\\d+ cases, \\d+ passed, 0 failed"))
                .body("load.files.path", hasItem("rules/freeze.drl"))
                .extract().path("load.version");
        String log = asAdmin().get("/v1/audit/log").then().statusCode(200).extract().asString();
        assertThat(log.lines().filter(l -> l.contains("POLICY_LOADED") && l.contains(version)).findFirst())
                .get().asString().contains("rules/freeze.drl", "sha256", "0 failed");
    }

    @Test
    void whenTheLoadCannotBeRecordedTheOldVersionStaysAnd503() throws Exception {
        Files.writeString(LIVE.resolve("rules/freeze.drl"), Files.readString(LIVE.resolve("rules/freeze.drl")) + "\n// held\n");
        String before = version();
        TestUser author = author();
        try (Connection c = db.getConnection()) {
            c.setAutoCommit(false);
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT last_seq FROM audit_head WHERE id = 1 FOR UPDATE")) {
                assertThat(rs.next()).isTrue();
                // the chain head is locked, as by a hung writer: the load record cannot be appended in time
                as(author).post("/v1/policies/reload").then().statusCode(503)
                        .contentType("application/problem+json")
                        .body("detail", containsString("was not activated"));
            } finally {
                c.rollback();
            }
        }
        assertThat(version()).isEqualTo(before);
        as(author()).post("/v1/policies/reload").then().statusCode(200);
        assertThat(version()).isNotEqualTo(before);
    }

    private static TestUser author() {
        return Given.user("paula-" + java.util.UUID.randomUUID().toString().substring(0, 8)).roles("policy-author").create();
    }

    private static String version() {
        return asAdmin().get("/v1/policies").then().statusCode(200).extract().path("version");
    }
}
