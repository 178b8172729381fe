package dev.governor.asset;

import dev.governor.Api;
import dev.governor.testing.Races;
import dev.governor.testing.RegisteredAgent;
import dev.governor.testing.TestAuth;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static dev.governor.testing.TestAuth.asAdmin;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

@QuarkusTest
class AssetResourceTest {

    @Inject
    AssetService service;

    /** A target no other test registers, so no pattern here reaches another test's decisions. */
    static String unique(String name) {
        return "asset-test/" + UUID.randomUUID() + "/" + name;
    }

    static Map<String, Object> body(String target) {
        Map<String, Object> body = new HashMap<>();
        body.put("target", target);
        body.put("tier", "PRODUCTION");
        body.put("dataClass", "PII");
        body.put("criticality", "HIGH");
        body.put("ownerTeam", "payments");
        body.put("exposure", Map.of("records", 1200000, "users", 40000, "monetaryValue", 0));
        return body;
    }

    static ValidatableResponse create(Object body) {
        return asAdmin().contentType("application/json").body(body).post("/v1/assets").then();
    }

    static String created(Map<String, Object> body) {
        return create(body).statusCode(201).extract().path("id");
    }

    private static void invalid(Map<String, Object> body, String field) {
        create(body).statusCode(400).contentType("application/problem+json").body("violations.field", hasItem(field));
    }

    @Test
    void createReadReplaceDelete() {
        String target = unique("db/prod-main*");
        String id = create(body(target)).statusCode(201)
                .body("target", equalTo(target)).body("tier", equalTo("PRODUCTION")).body("dataClass", equalTo("PII"))
                .body("criticality", equalTo("HIGH")).body("ownerTeam", equalTo("payments"))
                .body("exposure.records", equalTo(1200000)).body("exposure.users", equalTo(40000))
                .body("exposure.monetaryValue", equalTo(0)).body("createdAt", notNullValue())
                .extract().path("id");
        asAdmin().get("/v1/assets/{id}", id).then().statusCode(200).body("target", equalTo(target))
                .body("exposure.monetaryValue", equalTo(0));

        Map<String, Object> changed = body(target);
        changed.put("tier", "STAGING");
        changed.put("exposure", Map.of("records", 5));
        asAdmin().contentType("application/json").body(changed).put("/v1/assets/{id}", id).then().statusCode(200)
                .body("tier", equalTo("STAGING")).body("exposure.records", equalTo(5))
                .body("exposure.users", nullValue()).body("exposure.monetaryValue", nullValue());
        asAdmin().get("/v1/assets?ownerTeam=payments&tier=STAGING&size=500").then().statusCode(200)
                .body("id", hasItem(id));

        asAdmin().delete("/v1/assets/{id}", id).then().statusCode(204);
        asAdmin().get("/v1/assets/{id}", id).then().statusCode(404).contentType("application/problem+json");
        asAdmin().delete("/v1/assets/{id}", id).then().statusCode(404);
        asAdmin().get("/v1/assets?size=500&ownerTeam=payments").then().body("id", org.hamcrest.Matchers.not(hasItem(id)));
        assertThat(service.matching(target.replace("*", "-x"))).isEmpty();
        // A deleted target may be registered again, as a new asset.
        assertThat(created(body(target))).isNotEqualTo(id);
    }

    @Test
    void theLocationNamesTheNewAsset() {
        var response = create(body(unique("loc"))).statusCode(201).extract();
        assertThat(response.header("Location")).endsWith("/v1/assets/" + response.path("id"));
    }

    @Test
    void exposureFiguresMayBeLeftOutAndStayUnknownNeverZero() {
        Map<String, Object> body = body(unique("no-figures"));
        body.remove("exposure");
        String id = create(body).statusCode(201).body("exposure.records", nullValue())
                .body("exposure.users", nullValue()).body("exposure.monetaryValue", nullValue()).extract().path("id");
        asAdmin().get("/v1/assets/{id}", id).then().body("exposure.records", nullValue());
        Map<String, Object> some = body(unique("some-figures"));
        some.put("exposure", Map.of("users", 3, "monetaryValue", 1200.50));
        create(some).statusCode(201).body("exposure.records", nullValue()).body("exposure.users", equalTo(3))
                .body("exposure.monetaryValue", equalTo(1200.5f));
    }

    @Test
    void everyFieldIsValidatedAndNamed() {
        for (String field : List.of("target", "tier", "dataClass", "criticality", "ownerTeam")) {
            Map<String, Object> missing = body(unique("v"));
            missing.remove(field);
            invalid(missing, field);
        }
        Object[][] wrong = {
                {"tier", "PROD", "tier"}, {"dataClass", "SECRET", "dataClass"}, {"criticality", "EXTREME", "criticality"},
                {"ownerTeam", " ", "ownerTeam"}, {"ownerTeam", "a".repeat(201), "ownerTeam"},
                {"ownerTeam", "pay\nments", "ownerTeam"}, {"target", "x".repeat(513), "target"}, {"target", "", "target"},
                {"target", " " + unique("lead"), "target"}, {"target", unique("tab\tinside"), "target"},
                {"exposure", Map.of("records", -1), "exposure.records"}, {"exposure", Map.of("users", -5), "exposure.users"},
                {"exposure", Map.of("monetaryValue", -0.01), "exposure.monetaryValue"},
                {"exposure", Map.of("monetaryValue", 1.23456), "exposure.monetaryValue"},
                {"exposure", Map.of("records", "many"), "exposure.records"}, {"colour", "blue", "colour"}};
        for (Object[] w : wrong) {
            Map<String, Object> b = body(unique("v"));
            b.put((String) w[0], w[1]);
            invalid(b, (String) w[2]);
        }
        create("[]").statusCode(400).contentType("application/problem+json");
        create("").statusCode(400).contentType("application/problem+json");
    }

    @Test
    void aDuplicateTargetIs409AndSoIsReplacingOntoATakenTarget() {
        String target = unique("dup");
        String first = created(body(target));
        create(body(target)).statusCode(409).contentType("application/problem+json")
                .body("violations.field", contains("target"));
        String other = created(body(unique("other")));
        asAdmin().contentType("application/json").body(body(target)).put("/v1/assets/{id}", other).then()
                .statusCode(409);
        asAdmin().contentType("application/json").body(body(target)).put("/v1/assets/{id}", first).then()
                .statusCode(200);
    }

    @Test
    void unknownIdsAre404() {
        asAdmin().get("/v1/assets/{id}", UUID.randomUUID()).then().statusCode(404);
        asAdmin().get("/v1/assets/not-a-uuid").then().statusCode(404).contentType("application/problem+json");
        asAdmin().contentType("application/json").body(body(unique("p"))).put("/v1/assets/{id}", UUID.randomUUID())
                .then().statusCode(404);
        asAdmin().get("/v1/assets?tier=prod").then().statusCode(400).body("violations.field", contains("tier"));
    }

    @Test
    void twoCreatesOfOneTargetAtOnceGiveOne201AndOne409() throws Exception {
        for (int round = 0; round < 5; round++) {
            Map<String, Object> body = body(unique("race"));
            List<Integer> statuses = Races.race(2, () -> create(body).extract().statusCode());
            assertThat(statuses).containsExactlyInAnyOrder(201, 409);
        }
    }

    @Test
    void twoReplacesOfOneAssetAtOnceNeverGive500() throws Exception {
        String id = created(body(unique("edit-race")));
        List<Integer> statuses = Races.race(4, () -> {
            Map<String, Object> body = body(unique("edit-race"));
            return asAdmin().contentType("application/json").body(body).put("/v1/assets/{id}", id).statusCode();
        });
        assertThat(statuses).contains(200).allMatch(s -> s == 200 || s == 409);
    }

    @Test
    void theDatabaseMatchesAsTheGlobRuleSays() {
        String base = unique("");
        String[] patterns = {"db/prod-main*", "s3://*/secrets/*", "a.b", "100%", "a_b", "c:\\tmp\\*", "Case*", "(x|y)+"};
        Map<String, String> idOf = new HashMap<>();
        for (String p : patterns) idOf.put(p, created(body(base + p)));
        String[] targets = {"db/prod-main", "db/prod-main-replica", "db/prod-mai", "s3://b/secrets/k.pem",
                "s3://b/public/k", "a.b", "aXb", "100%", "1000", "a_b", "axb", "c:\\tmp\\x", "case-x", "Case-x",
                "(x|y)+", "xy", "(x|y)+z"};
        for (String t : targets) {
            List<String> matched = service.matching(base + t).stream().map(a -> a.id()).toList();
            for (String p : patterns) {
                assertThat(matched.contains(idOf.get(p))).as(p + " against " + t)
                        .isEqualTo(AssetPattern.matches(base + p, base + t));
            }
        }
        assertThat(service.matching(null)).isEmpty();
        var facts = service.matching(base + "db/prod-main-replica");
        assertThat(facts).singleElement().satisfies(a -> {
            assertThat(a.source()).isEqualTo("/v1/assets/" + idOf.get("db/prod-main*"));
            assertThat(a.tier().name()).isEqualTo("PRODUCTION");
            assertThat(a.dataClass()).isEqualTo("PII");
            assertThat(a.criticality()).isEqualTo("HIGH");
            assertThat(a.records()).isEqualTo(1200000L);
            assertThat(a.monetaryValue()).isEqualByComparingTo("0");
        });
    }

    @Test
    void theMatchedAssetsAreRecordedInTheDecisionsFacts() {
        String base = unique("");
        String id = created(body(base + "db/orders-*"));
        Map<String, Object> unrelated = body(base + "db/other");
        created(unrelated);
        RegisteredAgent agent = Api.registerAgent("AUTONOMOUS", List.of("sandbox", "production"), List.of("*:*"));
        Map<String, Object> action = Api.action("config.update", "sandbox", 0, 0, 0, "restore the previous version");
        action.put("target", base + "db/orders-eu");
        String decision = Api.decide(agent, action).statusCode(200).extract().path("decisionId");
        asAdmin().get("/v1/decisions/{id}", decision).then().statusCode(200)
                .body("facts.known.assets", hasSize(1))
                .body("facts.known.assets[0].id", is(id))
                .body("facts.known.assets[0].source", is("/v1/assets/" + id))
                .body("facts.known.assets[0].tier", is("PRODUCTION"))
                .body("facts.known.assets[0].records", is(1200000));
        action.put("target", base + "db/unregistered");
        String none = Api.decide(agent, action).statusCode(200).extract().path("decisionId");
        asAdmin().get("/v1/decisions/{id}", none).then().body("facts.known.assets", hasSize(0));
    }

    @Test
    void anAssetAdminMayWriteAndAnApproverOnlyRead() {
        String assetAdmin = TestAuth.user("asset-admin-" + UUID.randomUUID().toString().substring(0, 8), "asset-admin");
        String approver = TestAuth.user("asset-approver-" + UUID.randomUUID().toString().substring(0, 8), "approver");
        String id = TestAuth.as(assetAdmin).contentType("application/json").body(body(unique("roles")))
                .post("/v1/assets").then().statusCode(201).extract().path("id");
        TestAuth.as(approver).get("/v1/assets/{id}", id).then().statusCode(200);
        TestAuth.as(approver).delete("/v1/assets/{id}", id).then().statusCode(403);
        TestAuth.as(assetAdmin).get("/v1/agents").then().statusCode(200); // a human role reads
        TestAuth.as(assetAdmin).contentType("application/json").body(Map.of("id", "x1", "owner", "o"))
                .post("/v1/agents").then().statusCode(403);
        TestAuth.as(assetAdmin).delete("/v1/assets/{id}", id).then().statusCode(204);
    }
}
