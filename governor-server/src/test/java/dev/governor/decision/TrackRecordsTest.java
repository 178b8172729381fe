package dev.governor.decision;

import dev.governor.audit.Fixtures;
import dev.governor.testing.RegisteredAgent;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static dev.governor.testing.TestAuth.as;
import static org.assertj.core.api.Assertions.assertThat;

@QuarkusTest
class TrackRecordsTest {

    @Inject
    TrackRecords tracks;

    @Test
    void countsWhatTheAgentDidInTheWindow() {
        Instant since = Instant.now().minus(1, ChronoUnit.MINUTES);
        RegisteredAgent agent = Fixtures.agent("ROUTINE", List.of("sandbox"), List.of("config:*"));
        String claimed = Fixtures.decisionId(agent, Fixtures.action("config.update", "sandbox", "cfg/a"));
        String unclaimed = Fixtures.decisionId(agent, Fixtures.action("config.update", "sandbox", "cfg/b"));
        String denied = Fixtures.decisionId(agent, Fixtures.action("config.update", "production", "cfg/c"));
        report(agent, claimed, "SUCCEEDED", false);
        report(agent, claimed, "ROLLED_BACK", true);

        TrackRecord t = tracks.of(agent.id(), since, Instant.now().plus(1, ChronoUnit.MINUTES));
        assertThat(t.decisions()).isEqualTo(3);
        assertThat(t.mutationsAllowed()).isEqualTo(2);
        assertThat(t.outcomesClaimed()).isEqualTo(1);
        assertThat(t.incidents()).isEqualTo(1);
        assertThat(t.outcomesConfirmed()).isZero();
        assertThat(t.humanReviewed()).isZero();
        assertThat(t.actionTypes()).containsExactly(Map.entry("config.update", 3L));
        assertThat(t.outcomesByVerdict()).containsEntry("ALLOW", 2L).containsEntry("DENY", 1L);
        assertThat(t.examples().get("outcomesClaimed")).containsExactly(UUID.fromString(claimed));
        assertThat(t.examples().get("mutationsAllowed"))
                .containsExactlyInAnyOrder(UUID.fromString(claimed), UUID.fromString(unclaimed));
        assertThat(t.examples().get("decisions")).contains(UUID.fromString(denied));
        assertThat(t.examples()).doesNotContainKey("outcomesDisputed");

        TrackRecord before = tracks.of(agent.id(), since.minus(1, ChronoUnit.HOURS), since);
        assertThat(before.decisions()).isZero();
        assertThat(before.examples()).isEmpty();
        assertThat(before.actionTypes()).isEmpty();
    }

    static void report(RegisteredAgent agent, String id, String status, boolean incident) {
        as(agent).contentType(ContentType.JSON).body(Map.of("status", status, "incident", incident))
                .post("/v1/decisions/{id}/outcome", id).then().statusCode(201);
    }
}
