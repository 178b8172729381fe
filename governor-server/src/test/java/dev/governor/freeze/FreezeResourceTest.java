package dev.governor.freeze;

import dev.governor.policy.EvaluationInput;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import static dev.governor.testing.TestAuth.asAdmin;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

@QuarkusTest
class FreezeResourceTest {

    @Inject
    FreezeService service;

    @Inject
    FreezeRepository repository;

    private static String uniqueEnv() {
        return "env-" + UUID.randomUUID().toString().substring(0, 12);
    }

    private static String at(Duration fromNow) {
        return Instant.now().plus(fromNow).truncatedTo(ChronoUnit.SECONDS).toString();
    }

    private static String body(String env, String from, String until) {
        return """
                {"environment": "%s", %s "until": "%s", "reason": "quarter-end close"}"""
                .formatted(env, from == null ? "" : "\"from\": \"" + from + "\",", until);
    }

    private static ValidatableResponse create(String json) {
        return asAdmin().contentType("application/json").body(json).post("/v1/freezes").then();
    }

    @Test
    void createReturns201WithLocationAndActiveFlag() {
        String env = uniqueEnv();
        String until = at(Duration.ofHours(2));
        String id = create(body(env, at(Duration.ofHours(-1)), until)).statusCode(201)
                .header("Location", not(nullValue()))
                .body("environment", equalTo(env))
                .body("until", equalTo(until))
                .body("reason", equalTo("quarter-end close"))
                .body("active", equalTo(true))
                .body("liftedAt", nullValue())
                .body("createdAt", notNullValue())
                .extract().path("id");
        asAdmin().get("/v1/freezes/" + id).then().statusCode(200).body("id", equalTo(id)).body("active", equalTo(true));
        create(body(env, null, until)).statusCode(201).header("Location", endsWith("/v1/freezes/"
                + asAdmin().queryParam("environment", env).get("/v1/freezes").path("[0].id")));
    }

    @Test
    void fromDefaultsToNow() {
        Instant before = Instant.now().minusSeconds(1);
        String from = create(body(uniqueEnv(), null, at(Duration.ofHours(1)))).statusCode(201)
                .body("active", equalTo(true)).extract().path("from");
        assertThat(Instant.parse(from)).isBetween(before, Instant.now().plusSeconds(1));
    }

    @Test
    void wildcardEnvironmentIsAccepted() {
        // Far in the future and lifted at once: an active '*' freeze would deny other tests' actions.
        String id = create(body("*", at(Duration.ofDays(300)), at(Duration.ofDays(301)))).statusCode(201)
                .body("environment", equalTo("*")).extract().path("id");
        asAdmin().delete("/v1/freezes/" + id).then().statusCode(200);
    }

    @Test
    void untilBeforeFromIs400NamingUntil() {
        create(body(uniqueEnv(), at(Duration.ofHours(3)), at(Duration.ofHours(2)))).statusCode(400)
                .contentType("application/problem+json")
                .body("violations[0].field", equalTo("until"));
        create(body(uniqueEnv(), at(Duration.ofHours(2)), at(Duration.ofHours(2)))).statusCode(400)
                .body("violations[0].field", equalTo("until"));
    }

    @Test
    void untilInThePastIs400() {
        create(body(uniqueEnv(), null, at(Duration.ofHours(-1)))).statusCode(400)
                .body("violations[0].field", equalTo("until"));
    }

    @Test
    void missingOrBadFieldsAre400() {
        create("{\"environment\": \"prod\", \"reason\": \"x\"}").statusCode(400)
                .body("violations.field", hasItem("until"));
        create("{\"environment\": \"Prod\", \"until\": \"" + at(Duration.ofHours(1)) + "\"}").statusCode(400)
                .body("violations.field", hasItem("environment"))
                .body("violations.field", hasItem("reason"));
        create(body(uniqueEnv(), null, "next tuesday")).statusCode(400)
                .body("violations[0].field", equalTo("until"));
        create(body(uniqueEnv(), null, at(Duration.ofHours(1))).replace("\"reason\"", "\"active\": true, \"reason\""))
                .statusCode(400).body("violations[0].field", equalTo("active"));
    }

    @Test
    void liftEndsTheFreezeAndLiftingTwiceIs409() {
        String env = uniqueEnv();
        String id = create(body(env, null, at(Duration.ofHours(1)))).statusCode(201).extract().path("id");
        asAdmin().delete("/v1/freezes/" + id).then().statusCode(200)
                .body("active", equalTo(false))
                .body("liftedAt", notNullValue());
        asAdmin().delete("/v1/freezes/" + id).then().statusCode(409).contentType("application/problem+json");
        assertThat(ids(service.activeAt(Instant.now(), env))).doesNotContain(id);
    }

    @Test
    void liftingAnEndedFreezeIs409() {
        UUID id = UUID.randomUUID();
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        QuarkusTransaction.requiringNew().run(() -> {
            FreezeEntity ended = new FreezeEntity();
            ended.id = id;
            ended.environment = uniqueEnv();
            ended.startsAt = now.minus(Duration.ofHours(2));
            ended.endsAt = now.minus(Duration.ofHours(1));
            ended.reason = "over";
            ended.createdAt = ended.startsAt;
            repository.persist(ended);
        });
        asAdmin().get("/v1/freezes/" + id).then().statusCode(200).body("active", equalTo(false));
        asAdmin().delete("/v1/freezes/" + id).then().statusCode(409);
    }

    @Test
    void unknownFreezeIs404() {
        asAdmin().get("/v1/freezes/" + UUID.randomUUID()).then().statusCode(404).contentType("application/problem+json");
        asAdmin().delete("/v1/freezes/" + UUID.randomUUID()).then().statusCode(404);
        asAdmin().get("/v1/freezes/not-a-uuid").then().statusCode(404);
    }

    @Test
    void listFiltersActive() {
        String env = uniqueEnv();
        String current = create(body(env, null, at(Duration.ofHours(1)))).statusCode(201).extract().path("id");
        String future = create(body(env, at(Duration.ofDays(1)), at(Duration.ofDays(2)))).statusCode(201)
                .body("active", equalTo(false)).extract().path("id");

        asAdmin().queryParam("environment", env).get("/v1/freezes").then().statusCode(200)
                .header("X-Total-Count", "2")
                .body("id", contains(future, current));
        asAdmin().queryParam("environment", env).queryParam("active", true).get("/v1/freezes").then()
                .statusCode(200).body("id", contains(current));
        asAdmin().queryParam("environment", env).queryParam("active", false).get("/v1/freezes").then()
                .statusCode(200).body("id", contains(future));
        asAdmin().queryParam("active", true).get("/v1/freezes").then().statusCode(200)
                .body("id", hasItem(current)).body("id", not(hasItem(future)));
        asAdmin().queryParam("active", "yes").get("/v1/freezes").then().statusCode(400)
                .body("violations[0].field", equalTo("active"));
    }

    @Test
    void activeAtHonoursTheWindowAndLifting() {
        String env = uniqueEnv();
        Instant from = Instant.now().plus(Duration.ofDays(10)).truncatedTo(ChronoUnit.SECONDS);
        Instant until = from.plus(Duration.ofHours(4));
        String id = create(body(env, from.toString(), until.toString())).statusCode(201).extract().path("id");

        assertThat(ids(service.activeAt(from.minusSeconds(1), env))).doesNotContain(id);
        assertThat(ids(service.activeAt(from, env))).containsExactly(id);
        assertThat(ids(service.activeAt(from, "some-other-env"))).doesNotContain(id);
        assertThat(ids(service.activeAt(until.minusSeconds(1)))).contains(id);
        assertThat(ids(service.activeAt(until))).doesNotContain(id);
        EvaluationInput.FreezeFacts facts = service.activeAt(from, env).get(0);
        assertThat(facts.environment()).isEqualTo(env);
        assertThat(facts.from()).isEqualTo(from);
        assertThat(facts.until()).isEqualTo(until);
        assertThat(facts.reason()).isEqualTo("quarter-end close");

        asAdmin().delete("/v1/freezes/" + id).then().statusCode(200);
        assertThat(ids(service.activeAt(from, env))).isEmpty();
    }

    @Test
    void wildcardFreezeCoversEveryEnvironment() {
        Instant from = Instant.now().plus(Duration.ofDays(400)).truncatedTo(ChronoUnit.SECONDS);
        String id = create(body("*", from.toString(), from.plusSeconds(60).toString())).statusCode(201)
                .extract().path("id");
        assertThat(ids(service.activeAt(from.plusSeconds(1), uniqueEnv()))).contains(id);
        asAdmin().delete("/v1/freezes/" + id).then().statusCode(200);
    }

    private static List<String> ids(List<EvaluationInput.FreezeFacts> freezes) {
        return freezes.stream().map(EvaluationInput.FreezeFacts::id).toList();
    }
}
