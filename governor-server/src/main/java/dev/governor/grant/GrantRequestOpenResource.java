package dev.governor.grant;

import dev.governor.api.Roles;
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

import java.net.URI;

/** Asking for one more grant for an agent: the only way its grants widen. */
@Tag(name = "Permissions")
@Path("/v1/agents/{id}/grant-requests")
@Produces(MediaType.APPLICATION_JSON)
public class GrantRequestOpenResource {

    private final GrantRequests requests;

    public GrantRequestOpenResource(GrantRequests requests) {
        this.requests = requests;
    }

    /** By the agent's owner, or an agent-admin: 201 PENDING. Audited as GRANT_REQUESTED. */
    @Operation(operationId = "requestGrant", summary = "Ask for a grant for an agent; an agent-admin decides")
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.READER)
    public RestResponse<GrantRequestView> open(@PathParam("id") String id, @Valid @NotNull GrantRequestBody body) {
        GrantRequestView view = requests.open(id, body);
        return RestResponse.ResponseBuilder.<GrantRequestView>created(URI.create("/v1/grant-requests/" + view.id()))
                .entity(view).build();
    }
}
