package dev.governor.policy;

import dev.governor.testing.Build;
import dev.governor.policy.engine.HostilePolicyTest;
import dev.governor.policy.engine.HostilePolicyTest.HostilePolicy;
import dev.governor.testing.Given;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static dev.governor.testing.TestAuth.as;
import static dev.governor.testing.TestAuth.asAdmin;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;

/**
 * Hostile policy files placed in the live directories and reloaded: 422 naming the file, nothing
 * ran, nothing changed. One of every kind (rule, spreadsheet cell, DMN cell, literal, BKM, import);
 * {@code HostilePolicyTest} refuses every one of them through the same load.
 */
@QuarkusTest
@TestProfile(TempPolicyProfile.class)
class HostileReloadTest {

    private static final Path LIVE = TempPolicyProfile.ROOT.resolve("live");

    @Inject
    PolicyService policies;

    @AfterEach
    void restoreShippedPolicy() {
        TempPolicyProfile.restore(policies);
    }

    @TestFactory
    Stream<DynamicTest> hostileFilesAreRefusedWith422NamingThem() {
        var author = Given.user("mallory").roles("policy-author").create();
        return Stream.of("drl-forname-concatenated.drl", "drl-system-getenv.drl", "drl-system-exit-unicode.drl",
                        "drl-mvel-eval.drl", "drl-while-loop.drl", "drl-constraint-system.drl", "xlsx-cell-processbuilder.cell",
                        "xlsx-cell-functions.cell", "dmn-cell-external-getenv.dmn", "dmn-literal-entity-spelled.dmn",
                        "dmn-bkm-java-kind.dmn", "dmn-import.dmn")
                .map(HostilePolicyTest.HOSTILE::resolve).map(f -> DynamicTest.dynamicTest(f.getFileName().toString(), () -> {
            TempPolicyProfile.restore();
            HostilePolicy policy = HostilePolicy.install(f, Files.createTempDirectory(Build.dir(), "hostile-reload-"));
            for (String dir : List.of("rules", "decision-tables")) TempPolicyProfile.copy(policy.root().resolve(dir), LIVE.resolve(dir));
            String before = asAdmin().get("/v1/policies").then().statusCode(200).extract().path("version");
            String body = as(author).post("/v1/policies/reload").then().statusCode(422)
                    .contentType("application/problem+json")
                    .body("violations.field", hasItem(policy.path()))
                    .extract().asString();
            assertThat(body).contains(policy.expect());
            assertThat(asAdmin().get("/v1/policies").then().extract().<String>path("version")).isEqualTo(before);
            HostilePolicyTest.assertNothingRan(HostilePolicy.marker());
        }));
    }
}
