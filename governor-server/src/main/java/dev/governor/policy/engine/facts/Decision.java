package dev.governor.policy.engine.facts;

import dev.governor.policy.Outcome;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Global the combining rule writes its conclusion into: the policy's verdict with its verdicts,
 * and the answer with the verdicts behind it. A null outcome means it never fired.
 */
public final class Decision {

    private Outcome verdict;
    private final List<Say> verdicts = new ArrayList<>();
    private Outcome outcome;
    private final List<Say> reasons = new ArrayList<>();

    /** Without an approval or plan step: the answer is the verdict. */
    public void conclude(Outcome outcome, Collection<?> verdicts) {
        conclude(outcome, verdicts, outcome, verdicts);
    }

    public void conclude(Outcome verdict, Collection<?> verdicts, Outcome answer, Collection<?> reasons) {
        this.verdict = verdict;
        this.verdicts.clear();
        verdicts.forEach(v -> this.verdicts.add((Say) v));
        this.outcome = answer;
        this.reasons.clear();
        reasons.forEach(v -> this.reasons.add((Say) v));
    }

    /** Both collections as one, in order: the policy's verdicts, then the approval's. */
    public static List<Object> all(Collection<?> these, Collection<?> those) {
        List<Object> all = new ArrayList<>(these);
        all.addAll(those);
        return all;
    }

    public Outcome getVerdict() { return verdict; }

    public List<Say> getVerdicts() { return List.copyOf(verdicts); }

    public Outcome getOutcome() { return outcome; }

    public List<Say> getReasons() { return List.copyOf(reasons); }
}
