package dev.governor.identity;

import io.quarkus.security.spi.runtime.AuthenticationFailureEvent;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/** Counts failures of every mechanism (an expired or forged OIDC token too), not only ours. */
@ApplicationScoped
public class AuthFailureCounter {

    private final GovernorAuthMechanism mechanism;

    public AuthFailureCounter(GovernorAuthMechanism mechanism) {
        this.mechanism = mechanism;
    }

    void onFailure(@Observes AuthenticationFailureEvent event) {
        event.getEventProperties().values().stream()
                .filter(RoutingContext.class::isInstance).map(RoutingContext.class::cast)
                .findFirst().ifPresent(mechanism::countFailure);
    }
}
