package dev.governor.policy;

import java.time.Duration;

/**
 * How long after an ALLOWed mutation its agent has to report the outcome
 * ({@code decision-tables/outcome-deadlines.dmn}).
 *
 * @param period null when no row applies or the table could not be read: then nothing is flagged
 * @param source the row that decided ({@code decision-tables/outcome-deadlines.dmn#od-...}), or null
 * @param error  why the table could not be read, or null
 */
public record OutcomeDeadline(Duration period, String source, String error) {

    public static OutcomeDeadline unknown(String error) {
        return new OutcomeDeadline(null, null, error);
    }
}
