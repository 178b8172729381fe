package dev.governor.policy;

import dev.governor.testing.Given;
import dev.governor.testing.TestUser;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;

import static dev.governor.testing.TestAuth.as;
import static dev.governor.testing.TestAuth.asAdmin;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

@QuarkusTest
@TestProfile(TempPolicyProfile.class)
class PolicyReloadTest {

    private static final Path LIVE = TempPolicyProfile.ROOT.resolve("live");

    @Inject
    PolicyService policies;

    @AfterEach
    void restoreShippedPolicy() {
        TempPolicyProfile.restore(policies);
    }

    @Test
    void validChangeSwitchesTheVersionAndIsRecorded() throws Exception {
        String before = version();
        append("rules/freeze.drl", "\n// reviewed by compliance\n");
        String after = as(policyAuthor("carol@example.com")).header("X-Actor", "carol@example.com").post("/v1/policies/reload")
                .then().statusCode(200)
                .body("load.outcome", equalTo("ACTIVATED"))
                .body("load.previousVersion", equalTo(before))
                .body("load.actor", equalTo("carol@example.com"))
                .extract().path("policy.version");
        assertThat(after).isNotEqualTo(before).isEqualTo(version());
        asAdmin().get("/v1/policies/history?size=1").then().statusCode(200)
                .body("[0].version", equalTo(after))
                .body("[0].trigger", equalTo("RELOAD"))
                .body("[0].actor", equalTo("carol@example.com"));
        asAdmin().get("/q/health/ready").then().statusCode(200).body(containsString("\"policy\""));
    }

    @Test
    void brokenDrlKeepsTheOldVersion() throws Exception {
        Files.writeString(LIVE.resolve("rules/broken.drl"), "package governor.rules;\nrule \"x\" when then");
        assertRefused("rules/broken.drl", "line ");
    }

    @Test
    void brokenDmnKeepsTheOldVersion() throws Exception {
        Path gate = LIVE.resolve("decision-tables/governance-gate.dmn");
        Files.writeString(gate, Files.readString(gate).replace("</decisionTable>", ""));
        assertRefused("decision-tables/governance-gate.dmn", "line ");
    }

    @Test
    void corruptSpreadsheetKeepsTheOldVersion() throws Exception {
        Files.write(LIVE.resolve("decision-tables/data-freshness.xlsx"), new byte[]{'P', 'K', 3, 4, 1, 2, 3});
        assertRefused("decision-tables/data-freshness.xlsx", "");
    }

    @Test
    void forbiddenCallIsRefused() throws Exception {
        Path freeze = LIVE.resolve("rules/freeze.drl");
        Files.writeString(freeze, Files.readString(freeze).replace("insert(new Verdict(", "System.exit(0); insert(new Verdict("));
        assertRefused("rules/freeze.drl", "uses System");
    }

    @Test
    void reloadCanRequireThePolicyTests() throws Exception {
        Files.writeString(LIVE.resolve("policy-tests/wrong.yaml"), PolicyFixtures.WRONG_CASE_YAML);
        append("rules/freeze.drl", "\n// a change\n");
        String before = version();
        as(policyAuthor("dave")).contentType(ContentType.JSON).body("{\"requireTests\": true, \"actor\": \"dave\"}")
                .post("/v1/policies/reload").then().statusCode(422)
                .body("violations.field", hasItem("policy-tests/wrong.yaml"))
                .body("violations.message", hasItem(containsString("reads are denied")));
        assertThat(version()).isEqualTo(before);
        as(policyAuthor("dave")).post("/v1/policies/reload").then().statusCode(422); // the tests run by default
        as(policyAuthor("dave")).post("/v1/policies/reload?requireTests=false").then().statusCode(403)
                .body("detail", containsString("only an administrator"));
        assertThat(version()).isEqualTo(before);
        asAdmin().post("/v1/policies/reload?requireTests=false").then().statusCode(200)
                .body("load.tests", startsWith("skipped: requireTests=false by "));
        assertThat(version()).isNotEqualTo(before);
    }

    @Test
    void everyEvaluationUnderConcurrentReloadSeesOneVersion() throws Exception {
        String versionA = version();
        Path reversibility = LIVE.resolve("decision-tables/reversibility.dmn");
        String a = Files.readString(reversibility);
        String b = a.replace("\"rev-database-drop\"", "\"rev-database-drop-b\"");
        Files.writeString(reversibility, b);
        String versionB = policies.reload("test", PolicyLoad.Trigger.RELOAD, false).activeVersion();
        assertThat(versionB).isNotEqualTo(versionA);

        ExecutorService pool = Executors.newFixedThreadPool(4);
        AtomicBoolean reloading = new AtomicBoolean(true);
        List<Future<List<Evaluation>>> workers = new ArrayList<>();
        try {
            for (int t = 0; t < 4; t++) {
                workers.add(pool.submit(() -> {
                    List<Evaluation> seen = new ArrayList<>();
                    while (reloading.get() || seen.size() < 20) seen.add(policies.evaluate(databaseDrop()));
                    return seen;
                }));
            }
            List<Evaluation> inline = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                Files.writeString(reversibility, i % 2 == 0 ? a : b);
                policies.reload("test", PolicyLoad.Trigger.RELOAD, false);
                inline.add(policies.evaluate(databaseDrop()));
            }
            reloading.set(false);
            List<Evaluation> all = new ArrayList<>(inline);
            for (Future<List<Evaluation>> w : workers) all.addAll(w.get());
            assertThat(inline).extracting(Evaluation::policyVersion).contains(versionA, versionB);
            assertThat(all).allSatisfy(e -> {
                assertThat(e.policyVersion()).isIn(versionA, versionB);
                String row = e.policyVersion().equals(versionA) ? "rev-database-drop" : "rev-database-drop-b";
                assertThat(e.firings()).extracting(Evaluation.Firing::rowId).contains(row);
                assertThat(e.errors()).isEmpty();
            });
        } finally {
            reloading.set(false);
            pool.shutdownNow();
        }
    }

    private static EvaluationInput databaseDrop() {
        var agent = new EvaluationInput.AgentFacts("auto", false, AutonomyLevel.AUTONOMOUS, Set.of("sandbox"), Set.of("*:*"));
        var action = new EvaluationInput.ActionFacts("database.drop", "sandbox", "db", 0L, 0L, BigDecimal.ZERO, "restore");
        return new EvaluationInput("auto", agent, action, List.of(), List.of(), Instant.parse("2026-11-24T10:00:00Z"));
    }

    private void assertRefused(String file, String location) {
        String before = version();
        as(policyAuthor("erin")).header("X-Actor", "erin").post("/v1/policies/reload").then().statusCode(422)
                .contentType("application/problem+json")
                .body("violations.field", hasItem(file))
                .body("violations.message", hasItem(containsString(location)));
        assertThat(version()).isEqualTo(before);
        asAdmin().get("/v1/policies/history?size=1").then().statusCode(200)
                .body("[0].outcome", equalTo("REJECTED"))
                .body("[0].activeVersion", equalTo(before))
                .body("[0].errors.file", hasItem(file));
        asAdmin().get("/q/health/ready").then().statusCode(200);
        asAdmin().get("/v1/policies").then().body("version", equalTo(before)).body("version", not(equalTo(null)));
    }

    private static TestUser policyAuthor(String name) {
        return Given.user(name).roles("policy-author").create();
    }

    private static String version() {
        return asAdmin().get("/v1/policies").then().statusCode(200).extract().path("version");
    }

    private static void append(String file, String text) throws Exception {
        Path p = LIVE.resolve(file);
        Files.writeString(p, Files.readString(p) + text);
    }
}
