package dev.governor.policy.engine;

import dev.governor.policy.Evaluation.Firing;
import dev.governor.policy.Outcome;
import dev.governor.policy.engine.facts.Verdict;
import org.kie.dmn.api.core.DMNContext;
import org.kie.dmn.api.core.DMNModel;
import org.kie.dmn.api.core.DMNResult;
import org.kie.dmn.api.core.DMNRuntime;
import org.kie.dmn.api.core.event.AfterEvaluateDecisionTableEvent;
import org.kie.dmn.api.core.event.DMNRuntimeEventListener;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The compiled DMN tables, shared by all evaluations. DMN evaluation is synchronous, so the
 * listener (registered once) hands the rows each table selected to the calling thread's list.
 */
final class DmnTables {

    static final String REVERSIBILITY = "Reversibility";
    static final String BLAST_RADIUS = "Blast radius";
    static final String GATE = "Gate";
    static final String APPROVAL_TTL = "Approval TTL";
    static final String BUDGETS = "Budgets";
    static final String ENVIRONMENTS = "Environment";
    static final String REQUIRED_EVIDENCE = "Required evidence";
    static final String SENSITIVE_TARGETS = "Sensitive targets";
    static final String EGRESS = "Egress";
    static final String PREREQUISITES = "Prerequisites";
    static final String PROMOTION = "Autonomy promotion";
    static final String DRIFT = "Drift response";
    static final String OUTCOME_DEADLINES = "Outcome deadline";
    static final String EXCEPTIONS = "Exception limits";
    static final String KEY_LIFETIMES = "Key lifetime";

    /** One selected row: its stable id, its 1-based position, and what it produced. */
    record Row(String file, String table, String rowId, int rowIndex) {
        Firing firing(String reasonCode, Outcome outcome) {
            return new Firing(Firing.Kind.TABLE_ROW, file, table, rowId, rowIndex, reasonCode, outcome);
        }

        String source() {
            return file + "#" + rowId;
        }

        /** The verdict a row states in its reasonCode, outcome and message columns; null when it states none. */
        Verdict verdict(Map<?, ?> out) {
            String code = out.get("reasonCode") instanceof String c ? c : null;
            Outcome outcome = out.get("outcome") instanceof String o ? Outcome.valueOf(o) : null;
            if (code == null || outcome == null) return null;
            return Verdict.from(outcome, code, (String) out.get("message"), source());
        }
    }

    /** A decision's result and the rows that produced it, in table order. */
    record Result(Object value, List<Row> rows) {
    }

    private final DMNRuntime runtime;
    private final Map<String, DMNModel> models;
    private final ThreadLocal<List<Row>> selected = new ThreadLocal<>();

    DmnTables(DMNRuntime runtime, Map<String, DMNModel> models) {
        this.runtime = runtime;
        this.models = Map.copyOf(models);
        runtime.addListener(new DMNRuntimeEventListener() {
            @Override
            public void afterEvaluateDecisionTable(AfterEvaluateDecisionTableEvent event) {
                record(event);
            }
        });
    }

    Result evaluate(String decision, Map<String, Object> inputs) {
        DMNModel model = models.get(decision);
        DMNContext context = runtime.newContext();
        inputs.forEach(context::set);
        List<Row> rows = new ArrayList<>();
        selected.set(rows);
        try {
            DMNResult result = runtime.evaluateByName(model, context, decision);
            if (result.hasErrors()) {
                throw new IllegalStateException(file(model) + ": " + result.getMessages().stream()
                        .map(m -> m.getText()).collect(Collectors.joining("; ")));
            }
            return new Result(result.getDecisionResultByName(decision).getResult(), List.copyOf(rows));
        } finally {
            selected.remove();
        }
    }

    private void record(AfterEvaluateDecisionTableEvent event) {
        List<Row> rows = selected.get();
        if (rows == null) return;
        DMNModel model = models.values().stream()
                .filter(m -> m.getDecisionByName(event.getDecisionName()) != null).findFirst().orElse(null);
        String file = model == null ? "decision-tables" : file(model);
        List<Integer> indexes = event.getSelected();
        List<String> ids = event.getSelectedIds();
        for (int i = 0; i < indexes.size(); i++) {
            String id = i < ids.size() && ids.get(i) != null ? ids.get(i) : "row " + indexes.get(i);
            rows.add(new Row(file, event.getDecisionTableName(), id, indexes.get(i)));
        }
    }

    private static String file(DMNModel model) {
        return model.getResource() == null ? model.getName() : model.getResource().getSourcePath();
    }
}
