package dev.governor.inputs;

import dev.governor.MutableClock;
import dev.governor.testing.RegisteredAgent;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static dev.governor.Api.action;
import static dev.governor.Api.approve;
import static dev.governor.Api.approver;
import static dev.governor.Api.decide;
import static dev.governor.Api.registerAgent;
import static dev.governor.testing.TestAuth.as;
import static dev.governor.testing.TestAuth.asAdmin;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;

/**
 * The input history over HTTP: what one decision accepted is what the next is compared with (read
 * back from the database, not memory), anomalous and refused values never become the baseline,
 * and the store stays bounded however many values or metrics an agent sends.
 */
@QuarkusTest
class InputHistoryTest {

    private static final String JUMP = "rules/data-quality.drl#data-jump-from-history";
    private static final String OUTLIER = "rules/data-quality.drl#data-outlier-from-history";

    @Inject
    EntityManager em;
    @Inject
    HistoryPrune prune;

    @Test
    void whatOneDecisionAcceptedIsWhatTheNextIsComparedWith() {
        MutableClock clock = MutableClock.install();
        RegisteredAgent agent = agent();
        String metric = "stock.sku-" + UUID.randomUUID();
        int[] series = {120, 180, 150, 110, 200, 170, 140, 160, 130, 190, 100, 150};
        for (int value : series) {
            adjust(agent, clock, metric, value).body("outcome", is("ALLOW"));
            clock.advance(Duration.ofSeconds(30));
        }
        assertThat(stored(metric)).isEqualTo(series.length);

        String decisionId = adjust(agent, clock, metric, 990_000).statusCode(200)
                .body("outcome", is("REQUIRE_APPROVAL"))
                .body("reasons.code", hasItem("DATA_ANOMALY"))
                .body("reasons.source", hasItem(JUMP))
                .body("reasons.source", hasItem(OUTLIER))
                .body("reasons.message", hasItem(containsString("after 150 (x6600)")))
                .extract().path("decisionId");
        asAdmin().get("/v1/decisions/{id}", decisionId).then().statusCode(200)
                .body("facts.known.history", hasSize(1))
                .body("facts.known.history[0].metric", is(metric))
                .body("facts.known.history[0].values", hasSize(series.length))
                .body("facts.known.history[0].values[-1].value", is(150));
        // The anomalous value waits for a human: it is not the baseline yet.
        assertThat(stored(metric)).isEqualTo(series.length);
    }

    @Test
    void anApprovedAnomalyBecomesTheBaselineARefusedOneNever() {
        MutableClock clock = MutableClock.install();
        RegisteredAgent agent = agent();
        String metric = "stock.sku-" + UUID.randomUUID();
        adjust(agent, clock, metric, 100).body("outcome", is("ALLOW"));
        clock.advance(Duration.ofSeconds(30));

        // Stale: DENY, not recorded. A read: not judged by the data rules, so not recorded either.
        Map<String, Object> stale = input(metric, 5_000, clock.instant().minus(Duration.ofHours(1)));
        decide(agent, action("inventory.adjust", "sandbox", 1, 0, 0, null), Map.of("inputs", List.of(stale)))
                .statusCode(200).body("outcome", is("DENY"));
        decide(agent, action("inventory.read", "sandbox", 0, 0, 0, null),
                Map.of("inputs", List.of(input(metric, 7_000, clock.instant().minusSeconds(5)))))
                .statusCode(200).body("outcome", is("ALLOW"));
        assertThat(stored(metric)).isEqualTo(1);

        Instant observed = clock.instant().minusSeconds(10);
        var jump = action("inventory.adjust", "sandbox", 1, 0, 0, null);
        Map<String, Object> inputs = Map.of("inputs", List.of(input(metric, 5_000, observed)));
        String approvalId = decide(agent, jump, inputs).statusCode(200)
                .body("outcome", is("REQUIRE_APPROVAL")).body("reasons.source", hasItem(JUMP))
                .extract().path("approval.id");
        assertThat(stored(metric)).isEqualTo(1);

        approve(approvalId, approver("history-approver-" + UUID.randomUUID())).statusCode(200);
        Map<String, Object> withApproval = new HashMap<>(inputs);
        withApproval.put("approvalId", approvalId);
        decide(agent, jump, withApproval).statusCode(200).body("outcome", is("ALLOW"));
        assertThat(stored(metric)).isEqualTo(2);

        // The next value is compared with the approved one: a level a human accepted is the new normal.
        clock.advance(Duration.ofSeconds(30));
        adjust(agent, clock, metric, 5_100).body("outcome", is("ALLOW"))
                .body("reasons.source", not(hasItem(JUMP)));
    }

    @Test
    void aPlanStepIsComparedWithTheHistoryWhenThePlanIsVerified() {
        MutableClock clock = MutableClock.install();
        RegisteredAgent agent = agent();
        String metric = "stock.sku-" + UUID.randomUUID();
        adjust(agent, clock, metric, 150).body("outcome", is("ALLOW"));
        clock.advance(Duration.ofSeconds(30));
        var step = Map.of("action", action("inventory.adjust", "sandbox", 1, 0, 0, null),
                "inputs", List.of(input(metric, 990_000, clock.instant().minusSeconds(10))));
        as(agent).contentType(ContentType.JSON).body(Map.of("agentId", agent.id(), "steps", List.of(step)))
                .post("/v1/plans").then().statusCode(200)
                .body("outcome", is("REQUIRE_APPROVAL"))
                .body("steps[0].reasons.source", hasItem(JUMP));
    }

    @Test
    void moreThanHistorySizeValuesKeepTheNewestFifty() {
        MutableClock clock = MutableClock.install();
        RegisteredAgent agent = agent();
        String metric = "stock.sku-" + UUID.randomUUID();
        List<Map<String, Object>> many = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            many.add(input(metric, 100 + i, clock.instant().minusSeconds(120 - i)));
        }
        decide(agent, action("inventory.adjust", "sandbox", 1, 0, 0, null), Map.of("inputs", many))
                .statusCode(200).body("outcome", is("ALLOW"));
        assertThat(stored(metric)).isEqualTo(60);

        String decisionId = adjust(agent, clock, metric, 160).body("outcome", is("ALLOW")).extract().path("decisionId");
        asAdmin().get("/v1/decisions/{id}", decisionId).then()
                .body("facts.known.history[0].values", hasSize(50))
                .body("facts.known.history[0].values[0].value", is(110))
                .body("facts.known.history[0].values[-1].value", is(159));

        prune.pruneNow();
        assertThat(stored(metric)).isEqualTo(50);
        assertThat(oldestStored(metric)).isEqualTo(111);
    }

    @Test
    void manyDistinctMetricsAreBoundedBySeries() {
        MutableClock clock = MutableClock.install();
        RegisteredAgent agent = agent();
        String prefix = "demand.flood-" + UUID.randomUUID() + "-";
        List<Map<String, Object>> flood = new ArrayList<>();
        for (int i = 0; i < 200; i++) flood.add(input(prefix + i, 10 + i, clock.instant().minusSeconds(5)));
        decide(agent, action("inventory.adjust", "sandbox", 1, 0, 0, null), Map.of("inputs", flood))
                .statusCode(200).body("outcome", is("ALLOW"));
        assertThat(count("select count(distinct series) from input_history where metric like ?1", prefix + "%"))
                .isEqualTo(200);

        prune.prune(5, 50);
        assertThat(count("select count(distinct series) from input_history", null)).isLessThanOrEqualTo(5);
    }

    @Test
    void hostileValuesAreRefusedOrJudgedNeverRecordedUnchecked() {
        MutableClock clock = MutableClock.install();
        RegisteredAgent agent = agent();
        String metric = "stock.sku-" + UUID.randomUUID();
        for (String value : List.of("\"NaN\"", "\"Infinity\"", "1e400", "-1e400", "\"1e19\"")) {
            String body = "{\"agentId\":\"" + agent.id() + "\",\"action\":{\"type\":\"inventory.adjust\","
                    + "\"environment\":\"sandbox\",\"impact\":{\"records\":1,\"users\":0,\"monetaryValue\":0}},"
                    + "\"inputs\":[{\"source\":\"inventory-db\",\"metric\":\"" + metric + "\",\"value\":" + value
                    + ",\"observedAt\":\"" + clock.instant().minusSeconds(5) + "\"}]}";
            as(agent).contentType(ContentType.JSON).body(body).post("/v1/decisions").then()
                    .statusCode(400).contentType(containsString("problem+json"))
                    .body("violations.field", hasItem(containsString("inputs")));
        }
        // The largest value the API takes, and a negative one: outside the plausible range, so not recorded.
        adjust(agent, clock, metric, "999999999999999999.999999").body("outcome", is("REQUIRE_APPROVAL"))
                .body("reasons.source", hasItem("rules/data-quality.drl#data-above-plausible-maximum"));
        adjust(agent, clock, metric, "-999999999999999999.999999").body("outcome", is("REQUIRE_APPROVAL"))
                .body("reasons.source", hasItem("rules/data-quality.drl#data-below-plausible-minimum"));
        assertThat(stored(metric)).isZero();
    }

    private static RegisteredAgent agent() {
        return registerAgent("AUTONOMOUS", List.of("sandbox"), List.of("inventory:*"));
    }

    private static io.restassured.response.ValidatableResponse adjust(RegisteredAgent agent, MutableClock clock,
                                                                      String metric, Object value) {
        return decide(agent, action("inventory.adjust", "sandbox", 1, 0, 0, null),
                Map.of("inputs", List.of(input(metric, value, clock.instant().minusSeconds(10))))).statusCode(200);
    }

    private static Map<String, Object> input(String metric, Object value, Instant observedAt) {
        return Map.of("source", "inventory-db", "metric", metric,
                "value", value instanceof String s ? new java.math.BigDecimal(s) : value, "observedAt", observedAt.toString());
    }

    private long stored(String metric) {
        return count("select count(*) from input_history where metric = ?1", metric);
    }

    private long oldestStored(String metric) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "select min(observed_value) from input_history where metric = ?1").setParameter(1, metric)
                .getSingleResult()).longValue());
    }

    private long count(String sql, String parameter) {
        return QuarkusTransaction.requiringNew().call(() -> {
            var query = em.createNativeQuery(sql);
            if (parameter != null) query.setParameter(1, parameter);
            return ((Number) query.getSingleResult()).longValue();
        });
    }
}
