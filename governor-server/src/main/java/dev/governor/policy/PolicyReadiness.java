package dev.governor.policy;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** {@code /q/health/ready} is DOWN until a valid policy version is in force. */
@Readiness
@ApplicationScoped
public class PolicyReadiness implements HealthCheck {

    private final PolicyService policies;

    public PolicyReadiness(PolicyService policies) {
        this.policies = policies;
    }

    @Override
    public HealthCheckResponse call() {
        if (!policies.ready()) return HealthCheckResponse.down("policy");
        return HealthCheckResponse.named("policy").up().withData("version", policies.current().version()).build();
    }
}
