package dev.governor.api;

import dev.governor.testing.Build;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code /q/openapi} as the tools users feed it to read it: openapi-generator's validator (the
 * one that refused the document before) finds nothing, every operation has an id and a tag, both
 * bearer credentials are declared so Swagger UI's Authorize works, every operation documents its
 * problem+json answers, and no Java type leaks into the schemas.
 */
@QuarkusTest
class OpenApiDocumentTest {

    private static final Path DOCUMENT = Build.path("openapi/openapi.json");
    private static JsonNode doc;

    @BeforeEach
    void fetch() throws Exception {
        if (doc != null) return;
        String json = given().queryParam("format", "json").get("/q/openapi").then().statusCode(200).extract().asString();
        Files.createDirectories(DOCUMENT.getParent());
        Files.writeString(DOCUMENT, json);
        doc = new ObjectMapper().readTree(json);
    }

    @Test
    void openapiGeneratorValidatesItWithNoIssue() throws Exception {
        Path cli = Build.path("tools/openapi-generator-cli.jar");
        assertThat(cli).as("copied by the maven-dependency-plugin at generate-test-resources").exists();
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", cli.toString(), "validate", "-i", DOCUMENT.toString())
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(out).contains("No validation issues detected");
        assertThat(p.exitValue()).as(out).isZero();
    }

    @Test
    void everyOperationHasAUniqueIdATagAndItsProblemAnswers() {
        Set<String> ids = new HashSet<>();
        List<String> operations = new ArrayList<>();
        doc.get("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(method -> {
            if (!path.getKey().startsWith("/v1/")) return;
            JsonNode op = method.getValue();
            String where = method.getKey().toUpperCase() + " " + path.getKey();
            operations.add(where);
            assertThat(op.path("operationId").asText()).as(where).matches("[a-z][A-Za-z]+");
            assertThat(ids.add(op.get("operationId").asText())).as("operationId of " + where + " is unique").isTrue();
            assertThat(op.path("tags")).as(where).isNotEmpty();
            assertThat(op.path("summary").asText()).as(where).isNotBlank();
            for (String status : List.of("401", "403", "503")) {
                assertThat(op.at("/responses/" + status + "/content/application~1problem+json/schema/$ref").asText())
                        .as(where + " " + status).isEqualTo("#/components/schemas/Problem");
            }
        }));
        assertThat(operations).hasSizeGreaterThan(30);
        assertThat(ids).contains("decide", "getDecision", "approve", "reject", "getApproval", "verifyPlan", "reportOutcome");
        assertThat(doc.at("/paths/~1v1~1decisions/post/responses/429/content/application~1problem+json")).isNotEmpty();
    }

    @Test
    void bothBearerCredentialsAreDeclaredAndRequired() {
        for (String scheme : List.of("agentKey", "userToken")) {
            JsonNode s = doc.at("/components/securitySchemes/" + scheme);
            assertThat(s.path("type").asText()).as(scheme).isEqualTo("http");
            assertThat(s.path("scheme").asText()).as(scheme).isEqualTo("bearer");
        }
        assertThat(doc.path("components").path("securitySchemes").size()).isEqualTo(2);
        assertThat(doc.path("security").toString()).contains("agentKey", "userToken");
    }

    @Test
    void noJavaTypeLeaksIntoTheSchemas() {
        Set<String> names = new HashSet<>();
        doc.path("components").path("schemas").fieldNames().forEachRemaining(names::add);
        assertThat(names).doesNotContain("JsonNode", "ObjectNode", "ArrayNode", "Response", "Uni", "UniApprovalView");
        assertThat(doc.toString()).doesNotContain("JsonNodeType", "\"bigDecimal\"", "\"containerNode\"");
        assertThat(doc.at("/components/schemas/Reasoning/properties/toolCall").toString()).contains("JsonObject");
    }
}
