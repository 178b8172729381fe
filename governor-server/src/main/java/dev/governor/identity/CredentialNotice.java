package dev.governor.identity;

import jakarta.ws.rs.container.ContainerResponseContext;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

import java.time.Clock;

/**
 * Announces the end of the credential an agent presented on every answer it gets:
 * {@code Governor-Key-Expires} always names the end, and from the credential's warning time on
 * (decision-tables/key-lifetimes.dmn, warnBefore) a {@code Warning: 299} header says to rotate it,
 * so an agent learns of the end from the answers it already reads, before it is locked out.
 */
public class CredentialNotice {

    static final String EXPIRES_HEADER = "Governor-Key-Expires";
    static final String WARNING_HEADER = "Warning";

    private final Caller caller;
    private final Clock clock;

    public CredentialNotice(Caller caller, Clock clock) {
        this.caller = caller;
        this.clock = clock;
    }

    @ServerResponseFilter
    public void announce(ContainerResponseContext response) {
        caller.credential().filter(c -> c.expiresAt() != null).ifPresent(c -> {
            response.getHeaders().putSingle(EXPIRES_HEADER, c.expiresAt().toString());
            if (c.warnFrom() != null && !clock.instant().isBefore(c.warnFrom())) {
                String renew = c.session() == null
                        ? "an agent administrator must rotate it (POST /v1/agents/" + c.agentId() + "/keys/rotate)"
                        : "exchange the agent key for a new one (POST /v1/agents/" + c.agentId() + "/tokens)";
                response.getHeaders().putSingle(WARNING_HEADER, "299 governor \"" + c.kind() + " " + c.prefix()
                        + "… expires at " + c.expiresAt() + "; " + renew + "\"");
            }
        });
    }
}
