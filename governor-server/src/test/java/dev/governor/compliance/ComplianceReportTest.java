package dev.governor.compliance;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.governor.testing.Given;
import dev.governor.testing.RegisteredAgent;
import dev.governor.testing.TestUser;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static dev.governor.Api.action;
import static dev.governor.Api.approve;
import static dev.governor.Api.decide;
import static dev.governor.testing.TestAuth.as;
import static dev.governor.testing.TestAuth.asAdmin;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;

/** An auditor asks which control answers which clause, and sees the evidence live. */
@QuarkusTest
class ComplianceReportTest {

    @Test
    void everyFrameworkMapsItsControlsWithTheEvidenceTheyName() {
        TestUser auditor = Given.user("compliance-auditor@example.com").roles("auditor").create();
        for (String framework : List.of("eu-ai-act", "nist-ai-rmf", "owasp-agentic")) {
            List<Map<String, Object>> controls = as(auditor).get("/v1/reports/compliance?framework=" + framework)
                    .then().statusCode(200).body("framework", equalTo(framework)).body("window", equalTo("PT720H"))
                    .body("notCovered.size()", org.hamcrest.Matchers.greaterThan(0))
                    .extract().path("controls");
            assertThat(controls).isNotEmpty().allSatisfy(c -> {
                assertThat((List<?>) c.get("implementedBy")).isNotEmpty();
                assertThat(c.get("clause")).isNotNull();
            });
        }
        as(auditor).get("/v1/reports/compliance?framework=owasp-agentic").then().statusCode(200)
                .body("controls.id", hasItem("ASI10"))
                .body("controls.find { it.id == 'ASI10' }.evidence.orphanedAgents", notNullValue())
                .body("controls.find { it.id == 'ASI10' }.evidence.halts.global", equalTo(false));
    }

    @Test
    void theShareOfIrreversibleStepsWithSignOffCountsAnApprovedExecution() {
        RegisteredAgent agent = Given.agent().environments("sandbox").register();
        TestUser approver = dev.governor.Api.approver("compliance-approver@example.com");
        Map<String, Object> drop = action("database.drop", "sandbox", 5000, 0, 0, "restore from backup b-7");
        String approvalId = decide(agent, drop).statusCode(200).extract().path("approval.id");
        approve(approvalId, approver).statusCode(200);
        long before = signedOff();
        decide(agent, drop, Map.of("approvalId", approvalId)).statusCode(200).body("outcome", equalTo("ALLOW"));
        assertThat(signedOff()).isEqualTo(before + 1);
        asAdmin().get("/v1/reports/compliance?framework=eu-ai-act&window=PT1H").then().statusCode(200)
                .body("controls.find { it.id == 'art-14' }.evidence.irreversibleSignOff.share", notNullValue())
                .body("controls.find { it.id == 'art-14' }.evidence.approvals.byStatus.CONSUMED",
                        org.hamcrest.Matchers.greaterThanOrEqualTo(1));
    }

    @Test
    void badParametersAreRefusedNamingThem() {
        asAdmin().get("/v1/reports/compliance").then().statusCode(400).body("violations.field", hasItem("framework"));
        asAdmin().get("/v1/reports/compliance?framework=sox").then().statusCode(400).body("violations.field", hasItem("framework"));
        for (String window : List.of("thirty", "-P1D", "PT0S", "P400D")) {
            asAdmin().get("/v1/reports/compliance?framework=eu-ai-act&window=" + window).then().statusCode(400)
                    .body("violations.field", hasItem("window"));
        }
    }

    @Test
    void theDocumentNamesEveryControlOfEveryCatalogue() throws Exception {
        String doc = Files.readString(Path.of("docs/compliance.md"));
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
        for (String framework : List.of("eu-ai-act", "nist-ai-rmf", "owasp-agentic")) {
            var catalogue = yaml.readTree(Path.of("governor-server/src/main/resources/compliance", framework + ".yaml").toFile());
            catalogue.path("controls").forEach(c -> assertThat(doc).as(framework).contains("(`" + c.path("id").asText() + "`)"));
        }
    }

    private static long signedOff() {
        Number n = asAdmin().get("/v1/reports/compliance?framework=eu-ai-act&window=PT1H").then().statusCode(200)
                .extract().path("controls.find { it.id == 'art-14' }.evidence.irreversibleSignOff.withApproval");
        return n.longValue();
    }
}
