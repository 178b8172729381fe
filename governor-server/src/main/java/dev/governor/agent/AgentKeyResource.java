package dev.governor.agent;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import dev.governor.api.Roles;
import dev.governor.identity.AgentKeys;
import dev.governor.identity.Caller;
import dev.governor.policy.KeyLifetime;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import java.time.Instant;

/**
 * Rotating and revoking an agent's API key. Here rather than in identity because the agent must
 * exist first (404 otherwise), and agents are this package's; identity keeps the keys.
 */
@Tag(name = "Agents", description = "Agent registration, keys, suspension")
@Path("/v1/agents/{id}/keys")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.AGENT_ADMIN)
public class AgentKeyResource {

    private final AgentService agents;
    private final AgentKeys keys;
    private final Caller caller;
    private final CredentialTerms terms;

    public AgentKeyResource(AgentService agents, AgentKeys keys, Caller caller, CredentialTerms terms) {
        this.agents = agents;
        this.keys = keys;
        this.caller = caller;
        this.terms = terms;
    }

    public record IssuedKey(String agentId, String apiKey, Instant expiresAt, Instant warnFrom) {
    }

    public record RevokedKeys(String agentId, int revoked) {
    }

    /**
     * A new key, shown only in this answer; the old key and every session token exchanged for it
     * stop working at once (no overlap). It lives as long as decision-tables/key-lifetimes.dmn
     * allows for the agent's level, or the shorter {@code ?ttl=} asked for (ISO-8601).
     */
    @Operation(operationId = "rotateAgentKey", summary = "Issue a new key for the agent; the old one stops working at once")
    @POST
    @Path("rotate")
    public IssuedKey rotate(@PathParam("id") String id, @QueryParam("ttl") String ttl) {
        Agent agent = agents.get(id); // agents are never deleted, so it still exists when the key is written
        var lifetime = terms.lifetime(KeyLifetime.Credential.AGENT_KEY, agent.autonomyLevel(), ttl, "ttl");
        AgentKeys.Issued key = keys.rotate(id, caller.name(), lifetime);
        return new IssuedKey(id, key.key(), key.expiresAt(), key.warnFrom());
    }

    /** Revokes the agent's key, and so its session tokens; it cannot authenticate until a key is rotated in. */
    @Operation(operationId = "revokeAgentKeys", summary = "Revoke the agent's key; it cannot authenticate until a key is rotated in")
    @DELETE
    public RevokedKeys revoke(@PathParam("id") String id) {
        agents.get(id);
        return new RevokedKeys(id, keys.revoke(id, caller.name()));
    }
}
