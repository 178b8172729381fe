package dev.governor.grant;

import dev.governor.agent.Agent;
import dev.governor.agent.AgentGrants;
import dev.governor.api.Roles;
import dev.governor.identity.Caller;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Permission right-sizing of one agent: what its grants covered, and narrowing them. */
@Tag(name = "Permissions")
@Path("/v1/agents/{id}/permissions")
@Produces(MediaType.APPLICATION_JSON)
public class PermissionResource {

    private final PermissionUsage usage;
    private final AgentGrants grants;
    private final Caller caller;

    public PermissionResource(PermissionUsage usage, AgentGrants grants, Caller caller) {
        this.usage = usage;
        this.grants = grants;
        this.caller = caller;
    }

    @Operation(operationId = "permissionUsage", summary = "What each grant covered in the window, and a narrower set")
    @GET
    @Path("usage")
    @RolesAllowed({Roles.READER, Roles.AGENT})
    public UsageReport usage(@PathParam("id") String id, @QueryParam("window") String window) {
        caller.requireSelfIfAgent(id);
        return usage.of(id, window);
    }

    /** Only ever removes grants: a grant the agent does not hold is 422, named. Audited as AGENT_PERMISSIONS_NARROWED. */
    @Operation(operationId = "narrowPermissions", summary = "Keep only a subset of the agent's grants")
    @POST
    @Path("narrow")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.AGENT_ADMIN)
    public Agent narrow(@PathParam("id") String id, @Valid @NotNull NarrowRequest body) {
        return grants.narrow(id, body.permissions(), body.reason());
    }
}
