package dev.governor.policy;

import dev.governor.agent.AutonomyLevel;
import dev.governor.policy.engine.KiePolicyEngine;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Set;

class SmokeTest {
    @Test
    void smoke() {
        long t = System.currentTimeMillis();
        PolicyEngine e = KiePolicyEngine.load(Path.of("rules"), Path.of("decision-tables"));
        System.out.println("load ms " + (System.currentTimeMillis() - t));
        Instant now = Instant.parse("2026-11-24T10:00:00Z");
        var agent = new EvaluationInput.AgentFacts("a", false, AutonomyLevel.AUTONOMOUS, Set.of("production"), Set.of("*:*"));
        var action = new EvaluationInput.ActionFacts("purchase_order.cancel", "production", "po/1", 0, 10, new BigDecimal("500"), "");
        var in = List.of(new EvaluationInput.InputFacts("inventory-db", "stock.sku-1", new BigDecimal(40), now.minusSeconds(3 * 3600)),
                new EvaluationInput.InputFacts("warehouse-scanner", "stock.sku-1", new BigDecimal(10), now.minusSeconds(60)));
        var ev = e.evaluate(new EvaluationInput("a", agent, action, in, List.of(), now));
        System.out.println(ev.outcome() + " " + ev.reversibility() + " " + ev.blastRadius() + " " + ev.errors());
        ev.reasons().forEach(System.out::println);
        ev.firings().forEach(System.out::println);
        t = System.currentTimeMillis();
        for (int i = 0; i < 200; i++) e.evaluate(new EvaluationInput("a", agent, action, in, List.of(), now));
        System.out.println("eval ms avg " + (System.currentTimeMillis() - t) / 200.0);
    }
}
