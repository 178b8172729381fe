package dev.governor.decision;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;

/** Looks for ALLOWed mutations past their outcome period with no report, in the background. */
@ApplicationScoped
public class OutcomeMissingJob {

    private final MissingOutcomes missing;

    public OutcomeMissingJob(MissingOutcomes missing) {
        this.missing = missing;
    }

    @Scheduled(identity = "outcome-missing", every = "${governor.outcomes.missing-every:5m}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void run() {
        flagNow();
    }

    /** @return how many decisions this run flagged OUTCOME_MISSING */
    public int flagNow() {
        return missing.flagDue();
    }
}
