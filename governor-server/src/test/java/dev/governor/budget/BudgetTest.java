package dev.governor.budget;

import dev.governor.MutableClock;
import dev.governor.testing.RegisteredAgent;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static dev.governor.Api.action;
import static dev.governor.Api.approve;
import static dev.governor.Api.approver;
import static dev.governor.Api.decide;
import static dev.governor.Api.registerAgent;
import static dev.governor.testing.TestAuth.asAdmin;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;

/** Many individually harmless steps add up: decision-tables/budgets.dmn. */
@QuarkusTest
class BudgetTest {

    private static final String PROD_10M = "decision-tables/budgets.dmn#budget-production-10m";

    @Test
    void manySmallMutationsCrossTheTenMinuteBudget() {
        MutableClock clock = MutableClock.install();
        RegisteredAgent agent = registerAgent("AUTONOMOUS", List.of("production"), List.of("config:*"));
        var small = action("config.update", "production", 1, 0, 0, null);
        for (int i = 0; i < 20; i++) {
            decide(agent, small).statusCode(200).body("outcome", is("ALLOW"));
            clock.advance(Duration.ofSeconds(5));
        }
        // Reads do not count and are never held back by a budget.
        decide(agent, action("config.read", "production", 0, 0, 0, null)).statusCode(200).body("outcome", is("ALLOW"));

        String decisionId = decide(agent, small).statusCode(200)
                .body("outcome", is("REQUIRE_APPROVAL"))
                .body("reasons.code", hasItem("BUDGET_EXCEEDED"))
                .body("reasons.source", hasItem(PROD_10M))
                .extract().path("decisionId");
        asAdmin().get("/v1/decisions/{id}", decisionId).then()
                .body("facts.budgetUsage.find { it.window == 'PT10M' && it.environment == 'production' }.actions", is(20))
                .body("tableRowsMatched.rowId", hasItem("budget-production-10m"));

        // Once the oldest steps slide out of the window, the agent may go on.
        clock.advance(Duration.ofMinutes(9));
        decide(agent, small).statusCode(200)
                .body("outcome", is("ALLOW"))
                .body("reasons.code", not(hasItem("BUDGET_EXCEEDED")));
    }

    @Test
    void summedRecordsCrossTheBudgetAndAnApprovalLiftsIt() {
        MutableClock.install();
        RegisteredAgent agent = registerAgent("AUTONOMOUS", List.of("production"), List.of("inventory:*"));
        var adjust = action("inventory.adjust", "production", 999, 0, 0, null);
        for (int i = 0; i < 10; i++) {
            decide(agent, adjust).statusCode(200).body("outcome", is("ALLOW"));
        }
        String approvalId = decide(agent, adjust).statusCode(200)
                .body("outcome", is("REQUIRE_APPROVAL"))
                .body("reasons.message", hasItem(org.hamcrest.Matchers.containsString("records 10989")))
                .extract().path("approval.id");
        approve(approvalId, approver("compliance@example.com")).statusCode(200);
        decide(agent, adjust, Map.of("approvalId", approvalId)).statusCode(200)
                .body("outcome", is("ALLOW")).body("reasons.code", contains("APPROVED"));
    }

    @Test
    void anApprovedActionThatLeftItsValueOutLeavesTheWindowUnknownNotZero() {
        MutableClock.install();
        RegisteredAgent agent = registerAgent("AUTONOMOUS", List.of("production"), List.of("config:*"));
        Map<String, Object> noValue = new java.util.HashMap<>(action("config.update", "production", 1, 0, 0, null));
        noValue.put("impact", Map.of("records", 1, "users", 0));
        String approvalId = decide(agent, noValue).statusCode(200)
                .body("outcome", is("REQUIRE_APPROVAL"))
                .body("reasons.code", hasItem("MISSING_EVIDENCE"))
                .body("reasons.source", hasItem(PROD_10M))
                .extract().path("approval.id");
        approve(approvalId, approver("compliance@example.com")).statusCode(200);
        decide(agent, noValue, Map.of("approvalId", approvalId)).statusCode(200).body("outcome", is("ALLOW"));

        // The ledger kept the value as unknown: the next step, fully declared, cannot be shown
        // within the production budgets, where counting the unknown as 0 would have allowed it.
        String decisionId = decide(agent, action("config.update", "production", 1, 0, 0, null)).statusCode(200)
                .body("outcome", is("REQUIRE_APPROVAL"))
                .body("reasons.code", hasItem("MISSING_EVIDENCE"))
                .body("reasons.code", not(hasItem("BUDGET_EXCEEDED")))
                .body("reasons.source", hasItem(PROD_10M))
                .extract().path("decisionId");
        asAdmin().get("/v1/decisions/{id}", decisionId).then()
                .body("facts.budgetUsage.find { it.window == 'PT10M' && it.environment == 'production' }.actions", is(1))
                .body("facts.budgetUsage.find { it.window == 'PT10M' && it.environment == 'production' }.monetaryValue",
                        org.hamcrest.Matchers.nullValue())
                .body("facts.budgetUsage.find { it.window == 'PT10M' && it.environment == 'production' }.records", is(1));
    }

    @Test
    void aliasesOfOneEnvironmentShareOneBudget() {
        MutableClock clock = MutableClock.install();
        RegisteredAgent agent = registerAgent("AUTONOMOUS", List.of("production"), List.of("config:*"));
        for (int i = 0; i < 20; i++) {
            String alias = i % 2 == 0 ? "prod" : "production";
            decide(agent, action("config.update", alias, 1, 0, 0, null)).statusCode(200).body("outcome", is("ALLOW"));
            clock.advance(Duration.ofSeconds(5));
        }
        // Counted under the registered name, the 21st step crosses the production budget whichever
        // alias it uses (split by the word the agent wrote, each alias would have had 10).
        String decisionId = decide(agent, action("config.update", "live", 1, 0, 0, null)).statusCode(200)
                .body("outcome", is("REQUIRE_APPROVAL"))
                .body("reasons.code", hasItem("BUDGET_EXCEEDED"))
                .body("reasons.source", hasItem(PROD_10M))
                .extract().path("decisionId");
        asAdmin().get("/v1/decisions/{id}", decisionId).then()
                .body("facts.budgetUsage.find { it.window == 'PT10M' && it.environment == 'production' }.actions", is(20));
    }

    @Test
    void budgetsAreKeptPerAgent() {
        MutableClock.install();
        RegisteredAgent busy = registerAgent("AUTONOMOUS", List.of("production"), List.of("config:*"));
        RegisteredAgent other = registerAgent("AUTONOMOUS", List.of("production"), List.of("config:*"));
        var small = action("config.update", "production", 1, 0, 0, null);
        for (int i = 0; i < 20; i++) decide(busy, small).statusCode(200).body("outcome", is("ALLOW"));

        decide(busy, small).statusCode(200).body("outcome", is("REQUIRE_APPROVAL"));
        decide(other, small).statusCode(200).body("outcome", is("ALLOW"));
    }

    @Test
    void concurrentStepsCannotSlipUnderTheLimitTogether() throws Exception {
        MutableClock.install();
        RegisteredAgent agent = registerAgent("AUTONOMOUS", List.of("production"), List.of("config:*"));
        var small = action("config.update", "production", 1, 0, 0, null);
        for (int i = 0; i < 15; i++) decide(agent, small).statusCode(200).body("outcome", is("ALLOW"));

        // 5 places left under the 20-per-10-minutes limit, 12 steps at once.
        var pool = java.util.concurrent.Executors.newFixedThreadPool(12);
        try {
            var start = new java.util.concurrent.CountDownLatch(1);
            List<java.util.concurrent.Future<String>> outcomes = new java.util.ArrayList<>();
            for (int i = 0; i < 12; i++) {
                outcomes.add(pool.submit(() -> {
                    start.await();
                    return decide(agent, small).statusCode(200).extract().<String>path("outcome");
                }));
            }
            start.countDown();
            long allowed = 0;
            for (var f : outcomes) {
                if ("ALLOW".equals(f.get(60, java.util.concurrent.TimeUnit.SECONDS))) allowed++;
            }
            org.assertj.core.api.Assertions.assertThat(allowed).isEqualTo(5);
        } finally {
            pool.shutdownNow();
        }
    }
}
