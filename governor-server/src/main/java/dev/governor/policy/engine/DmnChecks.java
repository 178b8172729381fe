package dev.governor.policy.engine;

import dev.governor.policy.PolicyLoadException.Problem;
import org.kie.dmn.api.core.DMNMessage;
import org.kie.dmn.api.core.DMNMessageType;
import org.kie.dmn.model.api.DecisionTable;
import org.kie.dmn.model.api.OutputClause;
import org.kie.dmn.validation.dtanalysis.DMNDTAnalysisMessage;

import java.util.List;
import java.util.Map;

/**
 * Sorts what the KIE DMN validator says about one file into errors (the load is refused) and
 * warnings (reported with the new version, in the reload answer and the load history).
 *
 * <p>Errors: everything the validator calls an ERROR (schema, model, overlaps in a UNIQUE table,
 * broken hit policy), plus any gap found by the decision-table analysis in a table that decides
 * outcomes, unless that table's default output is the safest value. "Safest" is fixed per table
 * here, not guessed: reversibility {@code IRREVERSIBLE}, blast radius {@code CRITICAL}, gate
 * outcome {@code DENY}, environment tier {@code PRODUCTION}. A gap elsewhere, and every other finding, is a warning. The analysis only
 * proves gaps over numbers, booleans and enumerated strings; for free-text columns KIE says "gap
 * analysis skipped" (a warning) and the engine's own fail-safe (unknown action type is
 * IRREVERSIBLE, no blast-radius row is CRITICAL) still applies at run time.
 */
final class DmnChecks {

    /** The output column that decides, and its safest value, per outcome-deciding table file. */
    record Safest(String output, String value) {
    }

    static final Map<String, Safest> OUTCOME_TABLES = Map.of(
            "reversibility.dmn", new Safest("reversibility", "IRREVERSIBLE"),
            "blast-radius.dmn", new Safest("blastRadius", "CRITICAL"),
            "governance-gate.dmn", new Safest("outcome", "DENY"),
            "environments.dmn", new Safest("tier", "PRODUCTION"));

    private DmnChecks() {
    }

    /** @return true if the message is an error, false if it is only a warning */
    static boolean isError(String path, DMNMessage m) {
        if (m.getSeverity() == DMNMessage.Severity.ERROR) return true;
        if (m.getMessageType() != DMNMessageType.DECISION_TABLE_GAP
                || !(m instanceof DMNDTAnalysisMessage analysis)
                || analysis.getAnalysis().getGaps().isEmpty()) {
            return false;
        }
        Safest safest = OUTCOME_TABLES.get(path.substring(path.lastIndexOf('/') + 1));
        return safest != null && !safest.value().equals(defaultOutput(analysis.getAnalysis().getSource(), safest.output()));
    }

    /** KIE cannot analyse gaps over free-text columns, and says so. */
    static boolean gapAnalysisSkipped(DMNMessage m) {
        return m.getText() != null && m.getText().contains("Gap analysis skipped");
    }

    /**
     * For a table whose gaps KIE cannot analyse: in a table that decides outcomes, a gap is closed
     * only by a FIRST table ending in a catch-all row (every input "-") that gives the safest value,
     * or by the safest default output. Null when covered (or the table decides no outcome).
     */
    static Problem uncoveredGap(PolicyFiles.Source source, DMNMessage m) {
        Safest safest = OUTCOME_TABLES.get(source.path().substring(source.path().lastIndexOf('/') + 1));
        if (safest == null) return null;
        if (CatchAll.covers(source.bytes(), safest.output(), safest.value())) return null;
        String location = m.getSourceId() == null ? null : "element " + m.getSourceId();
        return new Problem(source.path(), location, "gap analysis cannot cover its free-text columns (" + m.getText().trim()
                + "), so the table must end in a catch-all row (every input -) giving " + safest.value()
                + ", or have " + safest.value() + " as its default output");
    }

    static Problem problem(String path, DMNMessage m, boolean error) {
        String location = m.getSourceId() == null ? null : "element " + m.getSourceId();
        if (!error || m.getSeverity() == DMNMessage.Severity.ERROR) return new Problem(path, location, m.getText());
        return new Problem(path, location, m.getText() + " — a gap in a table that decides outcomes must be closed,"
                + " or the table's default output must be the safest value");
    }

    /** The default output of the named column (or of the only column), without FEEL quotes. */
    static String defaultOutput(DecisionTable table, String column) {
        if (table == null) return null;
        List<OutputClause> outputs = table.getOutput();
        for (OutputClause o : outputs) {
            if (outputs.size() == 1 || column.equals(o.getName())) {
                if (o.getDefaultOutputEntry() == null || o.getDefaultOutputEntry().getText() == null) return null;
                return o.getDefaultOutputEntry().getText().trim().replaceAll("^\"|\"$", "");
            }
        }
        return null;
    }
}
