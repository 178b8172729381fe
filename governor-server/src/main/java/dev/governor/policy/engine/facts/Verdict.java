package dev.governor.policy.engine.facts;

import dev.governor.policy.Outcome;

/**
 * One policy's say on the request. Rules insert verdicts; the combining rule folds them.
 * {@code source} is stamped by the engine ({@code file#rule} or {@code file#row-id}) so rule
 * authors cannot mislabel where a verdict came from. What an approval or a plan step says is an
 * {@link ApprovalVerdict}, kept apart so that the policy's own verdict can be told from the answer.
 */
public final class Verdict extends Say {

    public Verdict(Outcome outcome, String code, String message) {
        super(outcome, code, message);
    }

    public static Verdict from(Outcome outcome, String code, String message, String source) {
        Verdict verdict = new Verdict(outcome, code, message);
        verdict.attribute(source);
        return verdict;
    }
}
