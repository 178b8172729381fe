package dev.governor.decision;

import dev.governor.GovernorConfig;
import dev.governor.policy.Evaluation;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;

import java.time.Duration;

/**
 * The decision path's series on /q/metrics. Labels come from closed sets (outcomes, the reason
 * catalogue, reversibility classes, environment tiers), so the number of series stays small; the
 * agent is a label only when {@code governor.metrics.agent-label} asks for it.
 */
@ApplicationScoped
public class DecisionMetrics {

    static final String UNKNOWN = "UNKNOWN";

    private final MeterRegistry registry;
    private final TransactionSynchronizationRegistry transactions;
    private final boolean agentLabel;
    private final Timer evaluation;
    private final Timer decision;

    public DecisionMetrics(MeterRegistry registry, TransactionSynchronizationRegistry transactions, GovernorConfig config) {
        this.registry = registry;
        this.transactions = transactions;
        this.agentLabel = config.metrics().agentLabel();
        this.evaluation = Timer.builder("governor.evaluation")
                .description("Time the policy engine takes to evaluate one decision (every table and rule)")
                .publishPercentileHistogram().minimumExpectedValue(Duration.ofMillis(1)).maximumExpectedValue(Duration.ofSeconds(5))
                .register(registry);
        this.decision = Timer.builder("governor.decision")
                .description("Time from a decision request's arrival to its committed answer (facts, evaluation, record)")
                .publishPercentileHistogram().minimumExpectedValue(Duration.ofMillis(1)).maximumExpectedValue(Duration.ofSeconds(10))
                .register(registry);
    }

    void evaluated(long nanos) {
        evaluation.record(Duration.ofNanos(nanos));
    }

    /**
     * Counts the decision when its transaction commits: an answer that was never recorded is never
     * counted, and the latency includes the commit.
     *
     * @param started {@link System#nanoTime()} when the request arrived
     */
    void decided(DecisionResponse response, Evaluation evaluation, String agentId, long started) {
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) count(response, evaluation, agentId, System.nanoTime() - started);
            }
        });
    }

    private void count(DecisionResponse response, Evaluation evaluation, String agentId, long nanos) {
        decision.record(Duration.ofNanos(nanos));
        Tags tags = Tags.of("outcome", response.outcome().name(),
                "reason", response.reasons().isEmpty() ? "NONE" : response.reasons().get(0).code(),
                "action_class", evaluation.reversibility() == null ? UNKNOWN : evaluation.reversibility().name(),
                "environment_tier", evaluation.environmentTier() == null ? UNKNOWN : evaluation.environmentTier().name());
        if (agentLabel) tags = tags.and("agent", agentId);
        Counter.builder("governor.decisions").description("Decisions answered, by outcome and deciding reason")
                .tags(tags).register(registry).increment();
    }
}
