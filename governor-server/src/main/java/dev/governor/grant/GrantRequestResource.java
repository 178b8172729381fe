package dev.governor.grant;

import dev.governor.api.PageRequest;
import dev.governor.api.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
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
import org.jboss.resteasy.reactive.RestResponse;

import java.util.List;
import java.util.UUID;

/** Grant requests waiting for, or decided by, an agent-admin. */
@Tag(name = "Permissions")
@Path("/v1/grant-requests")
@Produces(MediaType.APPLICATION_JSON)
public class GrantRequestResource {

    private final GrantRequests requests;

    public GrantRequestResource(GrantRequests requests) {
        this.requests = requests;
    }

    /** Newest first; {@code X-Total-Count} counts every match. */
    @Operation(operationId = "listGrantRequests", summary = "Grant requests, by status")
    @GET
    @RolesAllowed(Roles.READER)
    public RestResponse<List<GrantRequestView>> list(@QueryParam("status") String status, @QueryParam("page") String page,
                                                     @QueryParam("size") String size) {
        GrantStatus parsed = GrantStatus.parse(status);
        PageRequest paging = PageRequest.of(page, size);
        return RestResponse.ResponseBuilder.ok(requests.list(parsed, paging)).header("X-Total-Count", requests.count(parsed))
                .build();
    }

    @Operation(operationId = "approveGrantRequest", summary = "Approve: the agent gains the grant (four eyes)")
    @POST
    @Path("{id}/approve")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.AGENT_ADMIN)
    public GrantRequestView approve(@PathParam("id") UUID id, @Valid GrantDecisionBody body) {
        return requests.approve(id, body == null ? null : body.comment());
    }

    @Operation(operationId = "rejectGrantRequest", summary = "Reject a grant request (four eyes)")
    @POST
    @Path("{id}/reject")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.AGENT_ADMIN)
    public GrantRequestView reject(@PathParam("id") UUID id, @Valid GrantDecisionBody body) {
        return requests.reject(id, body == null ? null : body.comment());
    }
}
