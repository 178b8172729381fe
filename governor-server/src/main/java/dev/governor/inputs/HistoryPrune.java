package dev.governor.inputs;

import dev.governor.GovernorConfig;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/**
 * Keeps the input history bounded: at most {@code governor.inputs.history-series} series (the
 * least recently recorded go first) and {@code history-size} values per series. Done in the
 * background, not in the decision: a decision only inserts, so decisions on the same metric never
 * wait for each other's deletes; between runs a series may hold a few more values than readers take.
 */
@ApplicationScoped
public class HistoryPrune {

    private static final String OLD_SERIES = "delete from input_history where series in ("
            + " select series from input_history group by series"
            + " order by max(recorded_at) desc, series offset :keep rows)";
    private static final String OLD_VALUES = "delete from input_history where id in ("
            + " select id from (select id, row_number() over"
            + " (partition by series order by observed_at desc, id desc) as rn from input_history) h"
            + " where rn > :keep)";

    private final EntityManager em;
    private final GovernorConfig config;

    public HistoryPrune(EntityManager em, GovernorConfig config) {
        this.em = em;
        this.config = config;
    }

    @Scheduled(identity = "input-history-prune", every = "${governor.inputs.prune-every:60s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void run() {
        pruneNow();
    }

    /** @return how many stored values this run removed */
    public int pruneNow() {
        return prune(config.inputs().historySeries(), config.inputs().historySize());
    }

    @Transactional
    int prune(int series, int size) {
        return em.createNativeQuery(OLD_SERIES).setParameter("keep", Math.max(0, series)).executeUpdate()
                + em.createNativeQuery(OLD_VALUES).setParameter("keep", Math.max(0, size)).executeUpdate();
    }
}
