package dev.governor.audit;

import dev.governor.testing.Given;
import dev.governor.testing.TestUser;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

import static dev.governor.testing.TestAuth.as;
import static dev.governor.testing.TestAuth.asAdmin;
import static org.assertj.core.api.Assertions.assertThat;

@QuarkusTest
class PolicyLoadAuditTest {

    private static List<String> policyLoadLines() {
        String body = asAdmin().queryParam("format", "ndjson").get("/v1/audit/log")
                .then().statusCode(200).extract().asString();
        return Arrays.stream(body.split("\n")).filter(l -> l.contains("\"POLICY_LOADED\"")).toList();
    }

    @Test
    void reloadIsRecordedInTheChainWithItsActor() {
        int before = policyLoadLines().size();

        TestUser carol = Given.user("carol@example.com").roles("policy-author").create();
        as(carol).header("X-Actor", "carol@example.com").post("/v1/policies/reload").then().statusCode(200);

        List<String> after = policyLoadLines();
        assertThat(after).hasSize(before + 1);
        assertThat(after.get(after.size() - 1)).contains("carol@example.com").contains("RELOAD").contains("ACTIVATED");
        asAdmin().get("/v1/audit/verify").then().statusCode(200).body("valid", org.hamcrest.Matchers.is(true));
    }
}
