package dev.governor.agent;

import dev.governor.api.ApiException;
import dev.governor.api.Roles;
import dev.governor.identity.AgentCredential;
import dev.governor.identity.Caller;
import dev.governor.identity.SessionTokens;
import dev.governor.policy.Grants;
import dev.governor.policy.KeyLifetime;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * An agent exchanges its long-lived key for a short-lived session token: one session, a subset
 * of its grants, at most as long as decision-tables/key-lifetimes.dmn allows. Only the key may be
 * exchanged (a token cannot mint tokens), and only by its own agent. What a token may then do is
 * the policy's call (rules/permissions.drl); here only what is asked for is checked.
 */
@Tag(name = "Agents", description = "Agent registration, keys, suspension")
@Path("/v1/agents/{id}/tokens")
@Produces(MediaType.APPLICATION_JSON)
public class AgentTokenResource {

    private final AgentService agents;
    private final SessionTokens tokens;
    private final CredentialTerms terms;
    private final Caller caller;

    public AgentTokenResource(AgentService agents, SessionTokens tokens, CredentialTerms terms, Caller caller) {
        this.agents = agents;
        this.tokens = tokens;
        this.terms = terms;
        this.caller = caller;
    }

    public record IssuedToken(String token, String agentId, String sessionId, List<String> permissions,
                              Instant expiresAt) {
    }

    @Operation(operationId = "issueSessionToken", summary = "Exchange the agent's key for a session token scoped to one session and a subset of its grants")
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.AGENT)
    public RestResponse<IssuedToken> issue(@PathParam("id") String id, @Valid @NotNull TokenRequest body) {
        caller.requireAgent(id);
        AgentCredential key = caller.credential().orElseThrow(() -> Caller.forbidden("only the agent's own key may do this"));
        if (key.session() != null) {
            throw Caller.forbidden("a session token cannot be exchanged for another; present the agent key");
        }
        Agent agent = agents.get(id);
        Set<String> live = agent.grantsInForce(agents.clock().instant());
        List<String> asked = body.permissions();
        for (int i = 0; i < asked.size(); i++) {
            if (!Grants.coverGrant(live, asked.get(i))) {
                throw ApiException.unprocessable("permissions[" + i + "]", "agent " + id + " holds no grant covering "
                        + asked.get(i) + " (it holds " + live + "); a token carries only a subset of the agent's grants");
            }
        }
        var lifetime = terms.lifetime(KeyLifetime.Credential.SESSION_TOKEN, agent.autonomyLevel(), body.ttl(), "ttl");
        var issued = tokens.issue(key, body.sessionId().strip(), new TreeSet<>(asked), lifetime, caller.name());
        return RestResponse.status(RestResponse.Status.CREATED, new IssuedToken(issued.token(), issued.agentId(),
                issued.sessionId(), issued.permissions(), issued.expiresAt()));
    }
}
