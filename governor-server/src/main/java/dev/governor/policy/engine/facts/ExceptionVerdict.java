package dev.governor.policy.engine.facts;

import dev.governor.policy.Outcome;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

/**
 * A verdict a break-glass exception lifted (rules/exceptions.drl): the verdict itself is taken out
 * of the rule session, so no later rule and not the answer sees it, and this EXCEPTION_APPLIED say
 * takes its place in the reasons, naming the exception and what it lifted. The policy's own
 * verdict, stored beside the answer, still counts the lifted one ({@link #withLifted}).
 */
public final class ExceptionVerdict extends Say {

    private final UUID exceptionId;
    private final Verdict lifted;

    public ExceptionVerdict(ExceptionFact exception, Verdict lifted) {
        super(Outcome.ALLOW, "EXCEPTION_APPLIED", "exception " + exception.getId() + " (approved by "
                + String.join(" and ", exception.getApprovedBy()) + ", until " + exception.getUntil() + ") lifts "
                + lifted.getCode() + " from " + lifted.getSource() + ": " + lifted.getMessage());
        this.exceptionId = exception.getId();
        this.lifted = lifted;
    }

    public UUID getExceptionId() { return exceptionId; }

    public Verdict getLifted() { return lifted; }

    /** The verdicts still standing together with those lifted: what the policy said before any exception. */
    public static List<Object> withLifted(Collection<?> standing, Collection<?> lifts) {
        List<Object> all = new ArrayList<>(standing);
        lifts.forEach(l -> all.add(((ExceptionVerdict) l).lifted));
        return all;
    }
}
