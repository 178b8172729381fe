package dev.governor.identity;

import dev.governor.MutableClock;
import dev.governor.testing.Given;
import dev.governor.testing.RegisteredAgent;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static dev.governor.Api.action;
import static dev.governor.Api.decide;
import static dev.governor.testing.TestAuth.as;
import static dev.governor.testing.TestAuth.asAdmin;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;

/**
 * Agent keys end (decision-tables/key-lifetimes.dmn by the agent's level, or less if asked): the
 * end is announced on every answer, warned of ahead, and at the instant itself the key is 401 with
 * its own problem. The clock is the injectable one, never a sleep.
 */
@QuarkusTest
class ExpiringKeysTest {

    private static ValidatableResponse read(RegisteredAgent agent) {
        return decide(agent, action("config.read", "sandbox", 0, 0, 0, null));
    }

    @Test
    void aKeyLivesAsLongAsTheTableSaysIsAnnouncedAndIsRefusedAtItsEnd() {
        MutableClock clock = MutableClock.install();
        var spec = Given.agent(); // AUTONOMOUS: kl-key-autonomous, thirty days, announced seven ahead
        Given.owner("alice@example.com");
        var created = asAdmin().contentType(ContentType.JSON).body(spec.body()).post("/v1/agents").then().statusCode(201)
                .extract();
        Instant expires = Instant.parse(created.path("apiKeyExpiresAt"));
        assertThat(Duration.between(clock.instant(), expires)).isBetween(Duration.ofDays(30).minusSeconds(1), Duration.ofDays(30));
        RegisteredAgent agent = new RegisteredAgent(spec.id(), created.path("apiKey"));

        read(agent).statusCode(200).header("Governor-Key-Expires", expires.toString()).header("Warning", nullValue());
        clock.advance(Duration.between(clock.instant(), expires.minus(Duration.ofDays(7))));
        read(agent).statusCode(200).header("Warning", containsString("299 governor"))
                .header("Warning", containsString("expires at " + expires))
                .header("Warning", containsString("/v1/agents/" + agent.id() + "/keys/rotate"));
        clock.advance(Duration.between(clock.instant(), expires.minusNanos(1_000)));
        read(agent).statusCode(200);

        clock.advance(Duration.ofNanos(1_000)); // exactly the end: over
        read(agent).statusCode(401).contentType("application/problem+json")
                .header("WWW-Authenticate", containsString("invalid_token"))
                .body("type", equalTo("urn:governor:problem:credential-expired"))
                .body("title", equalTo("Credential Expired"))
                .body("detail", containsString("expired at " + expires))
                .body("detail", containsString(agent.apiKey().substring(0, 10)))
                .body("detail", org.hamcrest.Matchers.not(containsString(agent.apiKey())))
                .body("expiredAt", equalTo(expires.toString()));

        String fresh = asAdmin().post("/v1/agents/{id}/keys/rotate", agent.id()).then().statusCode(200)
                .body("expiresAt", equalTo(clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MICROS)
                        .plus(Duration.ofDays(30)).toString()))
                .extract().path("apiKey");
        read(new RegisteredAgent(agent.id(), fresh)).statusCode(200).body("outcome", equalTo("ALLOW"));
    }

    @Test
    void aRotationMayAskForLessNeverForMore() {
        MutableClock clock = MutableClock.install();
        RegisteredAgent agent = Given.agent().register();
        String key = rotate(agent, "PT15M").statusCode(200).extract().path("apiKey");
        RegisteredAgent shortLived = new RegisteredAgent(agent.id(), key);
        // fifteen minutes is inside the seven-day warning lead: announced from the first answer
        read(shortLived).statusCode(200).header("Warning", containsString("expires at"));
        clock.advance(Duration.ofMinutes(15));
        read(shortLived).statusCode(401).body("title", equalTo("Credential Expired"));

        rotate(agent, "P31D").statusCode(400).contentType("application/problem+json")
                .body("violations.field", hasItem("ttl"))
                .body("detail", containsString("decision-tables/key-lifetimes.dmn#kl-key-autonomous"));
        rotate(agent, "a week").statusCode(400).body("violations.field", hasItem("ttl"));
        rotate(agent, "-PT1M").statusCode(400).body("violations.field", hasItem("ttl"));
        rotate(agent, "PT0S").statusCode(400).body("violations.field", hasItem("ttl"));
        // the refused rotations issued nothing: the fifteen-minute key was the last one issued
        read(shortLived).statusCode(401);
    }

    @jakarta.inject.Inject
    dev.governor.autonomy.KeyEndNotices keyEnds;

    /** KeyEndNotices' caller, the scheduled job: with no webhook configured (this profile) nothing is claimed. */
    @Test
    void withNoReceiverAKeyNearItsEndIsLeftForTheOwnerToBeToldLater() {
        RegisteredAgent agent = Given.agent().register();
        rotate(agent, "PT15M").statusCode(200); // inside its warning lead: due at once

        assertThat(keyEnds.notifyDue()).isZero();
    }

    @Test
    void anObservingAgentsKeyLivesLongerThanAnAutonomousOnes() {
        Given.owner("alice@example.com");
        var observe = Given.agent().level("OBSERVE");
        Instant now = Instant.now();
        Instant expires = Instant.parse(asAdmin().contentType(ContentType.JSON).body(observe.body()).post("/v1/agents")
                .then().statusCode(201).extract().path("apiKeyExpiresAt"));
        assertThat(Duration.between(now, expires)).isBetween(Duration.ofDays(89), Duration.ofDays(90).plusMinutes(1));
    }

    private static ValidatableResponse rotate(RegisteredAgent agent, String ttl) {
        return asAdmin().queryParam("ttl", ttl).post("/v1/agents/{id}/keys/rotate", agent.id()).then();
    }
}
