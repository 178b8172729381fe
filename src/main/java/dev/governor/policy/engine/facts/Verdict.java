package dev.governor.policy.engine.facts;

import dev.governor.policy.Outcome;

import java.util.Collection;
import java.util.List;

/**
 * One policy's say on the request. Rules insert verdicts; the combining rule folds them.
 * {@code source} is stamped by the engine ({@code file#rule} or {@code file#row-id}) so rule
 * authors cannot mislabel where a verdict came from.
 */
public final class Verdict {

    private final Outcome outcome;
    private final String code;
    private final String message;
    private String source;

    public Verdict(Outcome outcome, String code, String message) {
        this.outcome = outcome;
        this.code = code;
        this.message = message;
    }

    public static Verdict from(Outcome outcome, String code, String message, String source) {
        Verdict verdict = new Verdict(outcome, code, message);
        verdict.source = source;
        return verdict;
    }

    public static List<Outcome> outcomesOf(Collection<?> verdicts) {
        return verdicts.stream().map(v -> ((Verdict) v).outcome).toList();
    }

    public Outcome getOutcome() { return outcome; }

    public String getCode() { return code; }

    public String getMessage() { return message; }

    public String getSource() { return source; }

    /** Set once by the engine when a rule inserts the verdict. */
    public void attribute(String source) {
        if (this.source == null) this.source = source;
    }

    @Override
    public String toString() {
        return outcome + " " + code + " (" + source + "): " + message;
    }
}
