package dev.governor.policy.engine.facts;

import dev.governor.policy.Outcome;

import java.util.List;

/**
 * One row of decision-tables/required-evidence.dmn that applies to the action, with what of the
 * evidence it asks for the request lacks. rules/evidence.drl and rules/rollback.drl turn a lack
 * into a verdict with the row's outcome.
 *
 * @param source          the row, as {@code decision-tables/required-evidence.dmn#ev-...}
 * @param missingFigures  the impact figures the row asks for that the agent did not declare
 * @param missingInput    the metric family the row asks an input of, when the request has none; else null
 * @param rollbackPlanMissing whether the row asks for a rollback plan and the request names none
 */
public record RequiredEvidence(String source, Outcome outcome, List<String> missingFigures, String missingInput,
                               boolean rollbackPlanMissing) {

    public RequiredEvidence {
        missingFigures = List.copyOf(missingFigures);
    }

    public String getSource() { return source; }
    public Outcome getOutcome() { return outcome; }
    public List<String> getMissingFigures() { return missingFigures; }
    public String getMissingInput() { return missingInput; }
    public boolean isRollbackPlanMissing() { return rollbackPlanMissing; }

    /** Whether figures or inputs the row asks for are missing (a rollback plan is rules/rollback.drl's). */
    public boolean isEvidenceMissing() { return !missingFigures.isEmpty() || missingInput != null; }

    /** "impact figures records, users; an input of metric family stock". */
    public String getMissing() {
        String figures = missingFigures.isEmpty() ? null : "impact figures " + String.join(", ", missingFigures);
        String input = missingInput == null ? null : "an input of metric family " + missingInput;
        return figures == null ? input : input == null ? figures : figures + "; " + input;
    }
}
