package dev.governor;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.restassured.RestAssured;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's walk-throughs, run as a reader runs them: the bash block under each
 * {@code <!-- walkthrough: name -->} is taken from README.md as it stands and run by bash against
 * the packaged application, on a first start with the administrator's token in {@code ADMIN}. The
 * only change is the port. What each step must answer is listed here, in order; so a walk-through
 * that stops working on some day, or after a policy change, fails the build.
 */
@QuarkusIntegrationTest
@WithTestResource(QuickStartIT.FirstStart.class)
class ReadmeWalkthroughIT {

    @Test
    void theApproveThenExecuteLoopRunsAsWritten() throws Exception {
        String out = run("approve-then-execute");
        assertInOrder(out, List.of(
                "\"outcome\":\"REQUIRE_APPROVAL\"", "\"status\":\"PENDING\"", // 1, then the long-poll
                "\"status\":\"APPROVED\"",                                      // 4
                "\"outcome\":\"ALLOW\"", "\"code\":\"APPROVED\"",              // 5
                "\"outcome\":\"DENY\"", "\"code\":\"APPROVAL_CONSUMED\""));    // 6
    }

    @Test
    void theAssetImportRunsAsWritten() throws Exception {
        String out = run("asset-import");
        assertInOrder(out, List.of(
                "\"target\":\"db/prod-main*\"", "\"tier\":\"PRODUCTION\"",   // one asset
                "\"created\":4,\"updated\":0",                              // the file
                "\"status\":409", "row[2].target",                            // the file again
                "\"created\":0,\"updated\":4",                              // upsert
                "\"target\":\"/etc/sudoers*\""));                           // the list, by target
    }

    @Test
    void theAutonomyStoryRunsAsWritten() throws Exception {
        String out = run("autonomy");
        assertInOrder(out, List.of(
                "\"outcome\":\"RECOMMEND\"",                                 // 1
                "\"action\":\"ACCEPTED\"",                                   // 2
                "\"status\":409", "\"unmetCriteria\"", "\"criterion\":\"decisions\"", // 3
                "\"status\":409", "/promotions",                              // 4
                "\"status\":403", "second person",                            // 5, the owner
                "\"status\":\"APPROVED\"", "\"override\":true",             // 5, erin
                "\"kind\":\"REGISTERED\"", "\"kind\":\"PROMOTED\""));        // 6
    }

    @Test
    void theBreakGlassStoryRunsAsWritten() throws Exception {
        String out = run("break-glass");
        assertInOrder(out, List.of(
                "\"outcome\":\"DENY\"", "PERMISSION_NOT_GRANTED",               // 1
                "\"status\":403", "neither",                                      // 3, the owner
                "\"status\":\"PENDING\"", "\"status\":\"ACTIVE\"",             // 3, amir then bea
                "\"outcome\":\"ALLOW\"", "\"code\":\"EXCEPTION_APPLIED\"",      // 4
                "\"status\":\"ACTIVE\"", "\"status\":\"REVOKED\"",              // 5, the report, the revocation
                "\"outcome\":\"DENY\"", "PERMISSION_NOT_GRANTED"));
    }

    private static String run(String name) throws Exception {
        String readme = Files.readString(Path.of("README.md"));
        Matcher m = Pattern.compile("<!-- walkthrough: " + Pattern.quote(name) + " -->\\s*```bash\\n(.*?)```",
                Pattern.DOTALL).matcher(readme);
        assertThat(m.find()).as("README.md has the walk-through " + name).isTrue();
        String script = m.group(1).replace("localhost:8080", "localhost:" + RestAssured.port);
        ProcessBuilder bash = new ProcessBuilder("bash", "-c", script).redirectErrorStream(true);
        bash.environment().put("ADMIN", QuickStartIT.ADMIN);
        Process p = bash.start();
        String out = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
        return out;
    }

    private static void assertInOrder(String out, List<String> expected) {
        int at = 0;
        for (String e : expected) {
            int found = out.indexOf(e, at);
            assertThat(found).as("'" + e + "' after position " + at + " in:\n" + out).isGreaterThanOrEqualTo(0);
            at = found + e.length();
        }
    }
}
