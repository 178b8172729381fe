package dev.governor.decision;

import dev.governor.MutableClock;
import dev.governor.audit.Fixtures;
import dev.governor.testing.Given;
import dev.governor.testing.Races;
import dev.governor.testing.RegisteredAgent;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static dev.governor.testing.TestAuth.asAdmin;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.is;

@QuarkusTest
class OutcomeMissingJobTest {

    @Inject
    OutcomeMissingJob job;
    @Inject
    TrackRecords tracks;

    @Test
    void unreportedMutationsAreFlaggedOnceAfterTheirPeriodEvenByTwoRunsAtOnce() throws Exception {
        MutableClock clock = MutableClock.install();
        Instant since = clock.instant().minusSeconds(1);
        RegisteredAgent agent = Given.agent("miss-" + UUID.randomUUID().toString().substring(0, 8))
                .environments("sandbox", "production").permissions("*:*").register();
        String prod = Fixtures.decisionId(agent, Fixtures.action("config.update", "production", "cfg/p"));
        String sandbox = Fixtures.decisionId(agent, Fixtures.action("config.update", "sandbox", "cfg/s"));
        String reported = Fixtures.decisionId(agent, Fixtures.action("config.update", "production", "cfg/r"));
        TrackRecordsTest.report(agent, reported, "SUCCEEDED", false);
        assertThat(tracks.of(agent.id(), since, clock.instant().plusSeconds(1)).mutationsAllowed()).isEqualTo(3);

        job.flagNow();
        assertThat(missing(agent, since, clock)).isZero();

        clock.advance(Duration.ofHours(25));
        Races.race(2, job::flagNow);
        TrackRecord t = tracks.of(agent.id(), since, clock.instant());
        assertThat(t.outcomesMissing()).isEqualTo(1);
        assertThat(t.examples().get("outcomesMissing")).containsExactly(UUID.fromString(prod));

        clock.advance(Duration.ofDays(7));
        Races.race(3, job::flagNow);
        job.flagNow();
        TrackRecord later = tracks.of(agent.id(), since, clock.instant());
        assertThat(later.outcomesMissing()).isEqualTo(2);
        assertThat(later.examples().get("outcomesMissing"))
                .containsExactlyInAnyOrder(UUID.fromString(prod), UUID.fromString(sandbox));
        String log = asAdmin().queryParam("format", "ndjson").get("/v1/audit/log").then().statusCode(200)
                .extract().asString();
        assertThat(log.lines().filter(l -> l.contains("\"OUTCOME_MISSING\"") && l.contains(prod)).count())
                .isEqualTo(1);
        asAdmin().get("/v1/audit/verify").then().body("valid", is(true));
    }

    private long missing(RegisteredAgent agent, Instant since, MutableClock clock) {
        return tracks.of(agent.id(), since, clock.instant().plusSeconds(1)).outcomesMissing();
    }
}
