package dev.governor.budget;

import dev.governor.testing.Races;
import dev.governor.testing.RegisteredAgent;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static dev.governor.Api.action;
import static dev.governor.Api.judged;
import static dev.governor.Api.registerAgent;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * One agent fires 40 steps at once (twice the largest limit; {@code -Dtest.race.steps=100} for a
 * longer drill) against a budget, on the real clock: exactly the limit passes. A step that found the database busy (503, Retry-After) is sent again, as a client
 * would, so every step is eventually judged and none is counted twice.
 */
@QuarkusTest
class BudgetConcurrencyTest {

    private static final int STEPS = Integer.getInteger("test.race.steps", 40);

    @Test
    void theActionCountHoldsUnderManySimultaneousSteps() throws Exception {
        RegisteredAgent agent = registerAgent("AUTONOMOUS", List.of("production"), List.of("config:*"));
        var small = action("config.update", "production", 1, 0, 0, null);

        List<String> outcomes = Races.race(STEPS, () -> judged(agent, small));

        // budgets.dmn#budget-production-10m: 20 mutations per 10 minutes in production.
        assertThat(outcomes).hasSize(STEPS);
        assertThat(outcomes.stream().filter(o -> o.startsWith("ALLOW")).count()).as(String.valueOf(new java.util.TreeSet<>(outcomes))).isEqualTo(20);
    }

    @Test
    void theMonetaryBudgetHoldsUnderManySimultaneousSteps() throws Exception {
        RegisteredAgent agent = registerAgent("AUTONOMOUS", List.of("production"), List.of("config:*"));
        // budgets.dmn#budget-production-10m: 10,000 in value per 10 minutes; 999 a step admits 10
        // (and stays under blast-radius.dmn's MEDIUM row at 1,000).
        var paid = action("config.update", "production", 0, 0, 999, null);

        List<String> outcomes = Races.race(STEPS, () -> judged(agent, paid));

        assertThat(outcomes.stream().filter(o -> o.startsWith("ALLOW")).count()).as(String.valueOf(new java.util.TreeSet<>(outcomes))).isEqualTo(10);
    }

    // Every other step is refused (REQUIRE_APPROVAL, or DENY / POLICY_ERROR when a loaded machine
    // misses the evaluation deadline): only the number allowed is the budget's promise.

}
