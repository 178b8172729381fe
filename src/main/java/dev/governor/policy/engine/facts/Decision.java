package dev.governor.policy.engine.facts;

import dev.governor.policy.Outcome;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** Global the combining rule writes its conclusion into; null outcome means it never fired. */
public final class Decision {

    private Outcome outcome;
    private final List<Verdict> verdicts = new ArrayList<>();

    public void conclude(Outcome outcome, Collection<?> verdicts) {
        this.outcome = outcome;
        this.verdicts.clear();
        verdicts.forEach(v -> this.verdicts.add((Verdict) v));
    }

    public Outcome getOutcome() { return outcome; }

    public List<Verdict> getVerdicts() { return List.copyOf(verdicts); }
}
