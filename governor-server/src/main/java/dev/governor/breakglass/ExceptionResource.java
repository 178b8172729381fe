package dev.governor.breakglass;

import dev.governor.api.PageRequest;
import dev.governor.api.Patterns;
import dev.governor.api.ApiException;
import dev.governor.api.QueryParams;
import dev.governor.api.Roles;
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
import jakarta.ws.rs.core.UriBuilder;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

import java.util.List;

/**
 * Break-glass: a time-boxed lift of named reasons for one agent, in force once two people other
 * than the requester and the owner approved it. Revoked early with {@code POST .../revoke}.
 */
@Tag(name = "Exceptions")
@Path("/v1/exceptions")
@Produces(MediaType.APPLICATION_JSON)
public class ExceptionResource {

    private final ExceptionService service;

    public ExceptionResource(ExceptionService service) {
        this.service = service;
    }

    @Operation(operationId = "requestException", summary = "Ask for a break-glass exception (PENDING until two approvals)")
    @POST
    @RolesAllowed({Roles.ADMIN, Roles.AGENT_ADMIN, Roles.APPROVER})
    @Consumes(MediaType.APPLICATION_JSON)
    public RestResponse<BreakGlass> request(@Valid @NotNull ExceptionRequest body) {
        BreakGlass created = service.request(body);
        return RestResponse.ResponseBuilder.<BreakGlass>created(
                UriBuilder.fromResource(ExceptionResource.class).path(created.id().toString()).build())
                .entity(created).build();
    }

    /** Newest first; {@code ?active=true} keeps those in force now, {@code ?agentId=} one agent's. */
    @Operation(operationId = "listExceptions", summary = "Break-glass exceptions, a page at a time")
    @GET
    @RolesAllowed(Roles.READER)
    public List<BreakGlass> list(@QueryParam("active") String active, @QueryParam("agentId") String agentId,
                                 @QueryParam("page") String page, @QueryParam("size") String size) {
        if (agentId != null && !agentId.matches(Patterns.AGENT_ID)) {
            throw ApiException.invalid("agentId", Patterns.AGENT_ID_MESSAGE);
        }
        return service.list(Boolean.TRUE.equals(QueryParams.bool("active", active)), agentId,
                PageRequest.of(page, size));
    }

    @Operation(operationId = "getException", summary = "One break-glass exception")
    @GET
    @Path("{id}")
    @RolesAllowed(Roles.READER)
    public BreakGlass get(@PathParam("id") String id) {
        return service.get(id);
    }

    @Operation(operationId = "approveException", summary = "Approve an exception (the second approval activates it)")
    @POST
    @Path("{id}/approve")
    @RolesAllowed({Roles.ADMIN, Roles.APPROVER})
    @Consumes(MediaType.APPLICATION_JSON)
    public BreakGlass approve(@PathParam("id") String id, @Valid ExceptionSignOff body) {
        return service.approve(id, body == null ? null : body.comment());
    }

    @Operation(operationId = "revokeException", summary = "End an exception before its time")
    @POST
    @Path("{id}/revoke")
    @RolesAllowed({Roles.ADMIN, Roles.AGENT_ADMIN, Roles.APPROVER})
    @Consumes(MediaType.APPLICATION_JSON)
    public BreakGlass revoke(@PathParam("id") String id, @Valid @NotNull ExceptionRevocation body) {
        return service.revoke(id, body.reason());
    }
}
