package dev.governor.agent;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import dev.governor.api.ApiException;
import dev.governor.api.PageRequest;
import dev.governor.api.QueryParams;
import dev.governor.api.Roles;
import dev.governor.identity.AgentKeys;
import dev.governor.identity.Caller;
import dev.governor.policy.KeyLifetime;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriBuilder;
import org.jboss.resteasy.reactive.RestResponse;

import java.util.List;

/** Agents: who may act, for whom, and how far. */
@Tag(name = "Agents")
@Path("/v1/agents")
@Produces(MediaType.APPLICATION_JSON)
public class AgentResource {

    private final AgentService service;
    private final AgentKeys keys;
    private final Caller caller;
    private final AgentLevelChanges levelChanges;

    private final CredentialTerms terms;

    public AgentResource(AgentService service, AgentKeys keys, Caller caller, AgentLevelChanges levelChanges,
                         CredentialTerms terms) {
        this.terms = terms;
        this.levelChanges = levelChanges;
        this.service = service;
        this.keys = keys;
        this.caller = caller;
    }

    /** The answer carries the agent's API key, shown this once (rotate it if it is lost). */
    @Operation(operationId = "registerAgent", summary = "Register an agent; its key is shown once")
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.AGENT_ADMIN)
    public RestResponse<RegisteredAgent> create(@Valid @NotNull AgentRequest body) {
        // the lifetime first: a table without an answer must not leave an agent behind without a key
        var lifetime = terms.lifetime(KeyLifetime.Credential.AGENT_KEY, body.spec().autonomyLevel(), null, "ttl");
        Agent agent = service.create(body.id(), body.spec(), body.overrideReason());
        AgentKeys.Issued key = keys.first(agent.id(), lifetime);
        return RestResponse.ResponseBuilder.<RegisteredAgent>created(
                        UriBuilder.fromResource(AgentResource.class).path(agent.id()).build())
                .entity(new RegisteredAgent(agent, key.key(), key.expiresAt())).build();
    }

    /** Sorted by id; {@code X-Total-Count} carries the number of matches across all pages. */
    @Operation(operationId = "listAgents", summary = "Registered agents, a page at a time")
    @GET
    @RolesAllowed(Roles.READER)
    public RestResponse<List<Agent>> list(@QueryParam("owner") String owner,
                                          @QueryParam("suspended") String suspended,
                                          @QueryParam("page") String page,
                                          @QueryParam("size") String size) {
        var filter = new AgentRepository.AgentFilter(owner, QueryParams.bool("suspended", suspended));
        PageRequest paging = PageRequest.of(page, size);
        return RestResponse.ResponseBuilder.ok(service.list(filter, paging))
                .header("X-Total-Count", service.count(filter))
                .build();
    }

    @Operation(operationId = "getAgent", summary = "One agent")
    @GET
    @Path("{id}")
    @RolesAllowed({Roles.READER, Roles.AGENT})
    public Agent get(@PathParam("id") String id) {
        caller.requireSelfIfAgent(id);
        return service.get(id);
    }

    @Operation(operationId = "agentLevels", summary = "Every change of the agent's level and environments, oldest first")
    @GET
    @Path("{id}/levels")
    @RolesAllowed({Roles.READER, Roles.AGENT})
    public List<LevelChange> levels(@PathParam("id") String id) {
        caller.requireSelfIfAgent(id);
        return levelChanges.levels(id);
    }

    @Operation(operationId = "updateAgent", summary = "Replace an agent's owner and task, or lower its level, environments and permissions")
    @PUT
    @Path("{id}")
    @RolesAllowed(Roles.AGENT_ADMIN)
    @Consumes(MediaType.APPLICATION_JSON)
    public Agent replace(@PathParam("id") String id, @Valid @NotNull AgentUpdate body) {
        if (body.id() != null && !body.id().equals(id)) {
            throw ApiException.invalid("id", "must match the id in the path, or be left out");
        }
        return service.replace(id, body.spec());
    }

    @Operation(operationId = "suspendAgent", summary = "Suspend an agent: every decision it asks for is DENY")
    @POST
    @Path("{id}/suspend")
    @RolesAllowed(Roles.AGENT_ADMIN)
    @Consumes(MediaType.APPLICATION_JSON)
    public Agent suspend(@PathParam("id") String id, @Valid @NotNull SuspendRequest body) {
        return service.suspend(id, body.reason());
    }

    @Operation(operationId = "resumeAgent", summary = "Resume a suspended agent")
    @POST
    @Path("{id}/resume")
    @RolesAllowed(Roles.AGENT_ADMIN)
    public Agent resume(@PathParam("id") String id) {
        return service.resume(id);
    }
}
