package dev.governor.decision;

import dev.governor.Api;
import dev.governor.testing.RegisteredAgent;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;

/**
 * Issue 14, over HTTP: an impact the agent leaves out is unknown, never 0, and a request without
 * the evidence decision-tables/required-evidence.dmn asks for gets MISSING_EVIDENCE.
 */
@QuarkusTest
class MissingEvidenceHttpTest {

    private static Map<String, Object> action(String type, String environment, String target) {
        Map<String, Object> action = new HashMap<>();
        action.put("type", type);
        action.put("environment", environment);
        action.put("target", target);
        return action;
    }

    @Test
    void inventoryAdjustInProductionWithNoImpactIsNoLongerAPlainAllow() {
        RegisteredAgent agent = Api.registerAgent("AUTONOMOUS", List.of("production"), List.of("inventory:*"));
        Api.decide(agent, action("inventory.adjust", "production", "sku-123"))
                .statusCode(200)
                .body("outcome", equalTo("REQUIRE_APPROVAL"))
                .body("blastRadius", equalTo("CRITICAL"))
                .body("reasons.code", hasItems("HIGH_BLAST_RADIUS", "MISSING_EVIDENCE"))
                .body("reasons.code", not(hasItem("WITHIN_AUTONOMY")));

        // The same action declaring its (small) impact is the routine step it always was.
        Map<String, Object> declared = action("inventory.adjust", "production", "sku-123");
        declared.put("impact", Map.of("records", 1, "users", 0, "monetaryValue", 0));
        Api.decide(agent, declared)
                .statusCode(200)
                .body("outcome", equalTo("ALLOW"))
                .body("blastRadius", equalTo("LOW"));
    }

    @Test
    void purchaseOrderCancelWithoutInputsGetsMissingEvidenceNamingTheRow() {
        RegisteredAgent agent = Api.registerAgent("AUTONOMOUS", List.of("production"),
                List.of("purchase_order:*", "inventory:read"));
        Map<String, Object> cancel = action("purchase_order.cancel", "prod", "po/PO-7781");
        cancel.put("impact", Map.of("records", 1, "users", 0, "monetaryValue", 800));
        cancel.put("rollbackPlan", "re-order from the same supplier");
        Api.decide(agent, cancel)
                .statusCode(200)
                .body("outcome", equalTo("DENY"))
                .body("reasons.find { it.code == 'MISSING_EVIDENCE' }.source",
                        equalTo("rules/evidence.drl#missing-evidence"))
                .body("reasons.find { it.code == 'MISSING_EVIDENCE' }.message",
                        org.hamcrest.Matchers.containsString(
                                "decision-tables/required-evidence.dmn#ev-purchase-order-cancel"))
                .body("reasons.find { it.code == 'MISSING_EVIDENCE' }.message",
                        org.hamcrest.Matchers.containsString("metric family stock"));
    }
}
