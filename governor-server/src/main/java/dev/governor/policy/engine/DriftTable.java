package dev.governor.policy.engine;

import dev.governor.policy.DriftResponse;
import dev.governor.policy.DriftSignals;
import dev.governor.policy.engine.DmnTables.Result;
import dev.governor.policy.engine.DmnTables.Row;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** {@code drift-response.dmn}: the first row that matches an agent's signals decides the response. */
final class DriftTable {

    private DriftTable() {
    }

    static DriftResponse respond(DmnTables tables, DriftSignals signals, String version) {
        Map<String, Object> in = new HashMap<>();
        in.put("driftScore", number(signals.driftScore()));
        in.put("denyRateIncrease", number(signals.denyRateIncrease()));
        in.put("rollbackRate", number(signals.rollbackRate()));
        in.put("disputeRate", number(signals.disputeRate()));
        in.put("incident", signals.incident());
        Result result = tables.evaluate(DmnTables.DRIFT, in);
        Map<?, ?> out = result.value() instanceof Map<?, ?> m ? m : Map.of();
        Row row = result.rows().isEmpty() ? null : result.rows().get(0);
        if (row == null || !(out.get("response") instanceof String response)) {
            // An edited table without its catch-all: tell people rather than guess either way.
            return new DriftResponse(DriftResponse.Response.ALERT, "no row of " + DriftResponse.FILE
                    + " matched these signals", DriftResponse.FILE + "#no-matching-row", List.of(), List.of(), version);
        }
        return new DriftResponse(DriftResponse.Response.valueOf(response), (String) out.get("message"), row.source(),
                List.of(row.firing(null, null)), List.of(), version);
    }

    private static BigDecimal number(Double value) {
        return value == null ? null : BigDecimal.valueOf(value);
    }
}
