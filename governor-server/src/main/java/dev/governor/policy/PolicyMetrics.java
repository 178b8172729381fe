package dev.governor.policy;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;

/** Policy loads on /q/metrics, counted once their record has committed: by result and by what started them. */
@ApplicationScoped
public class PolicyMetrics {

    private final MeterRegistry registry;

    public PolicyMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    void onCommit(@Observes(during = TransactionPhase.AFTER_SUCCESS) PolicyLoad load) {
        Counter.builder("governor.policy.reloads").description("Policy load attempts, by result (ACTIVATED or REJECTED)")
                .tag("result", load.outcome().name()).tag("trigger", load.trigger().name())
                .register(registry).increment();
    }
}
