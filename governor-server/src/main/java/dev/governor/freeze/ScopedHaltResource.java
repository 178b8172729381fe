package dev.governor.freeze;

import dev.governor.api.PageRequest;
import dev.governor.api.QueryParams;
import dev.governor.api.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
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

/** Stop part of the fleet during an incident: one environment, owner, action type or class, agent or session. */
@Tag(name = "Freezes and halts")
@Path("/v1/halts")
@Produces(MediaType.APPLICATION_JSON)
public class ScopedHaltResource {

    private final ScopedHaltService service;

    public ScopedHaltResource(ScopedHaltService service) {
        this.service = service;
    }

    @Operation(operationId = "declareScopedHalt", summary = "Halt the mutations within a scope")
    @POST
    @RolesAllowed(Roles.ADMIN)
    @Consumes(MediaType.APPLICATION_JSON)
    public RestResponse<ScopedHalt> declare(@Valid @NotNull ScopedHaltRequest body) {
        ScopedHalt halt = service.declare(body);
        return RestResponse.ResponseBuilder.<ScopedHalt>created(
                UriBuilder.fromResource(ScopedHaltResource.class).path(halt.id().toString()).build()).entity(halt).build();
    }

    /** Newest first; {@code ?active=true} keeps those in force now. */
    @Operation(operationId = "listScopedHalts", summary = "Scoped halts, a page at a time")
    @GET
    @RolesAllowed(Roles.READER)
    public List<ScopedHalt> list(@QueryParam("active") String active, @QueryParam("page") String page,
                                 @QueryParam("size") String size) {
        return service.list(Boolean.TRUE.equals(QueryParams.bool("active", active)), PageRequest.of(page, size));
    }

    @Operation(operationId = "getScopedHalt", summary = "One scoped halt")
    @GET
    @Path("{id}")
    @RolesAllowed(Roles.READER)
    public ScopedHalt get(@PathParam("id") String id) {
        return service.get(id);
    }

    /** Lifts the halt before its end and answers with its final state. */
    @Operation(operationId = "liftScopedHalt", summary = "Lift a scoped halt")
    @DELETE
    @Path("{id}")
    @RolesAllowed(Roles.ADMIN)
    public ScopedHalt lift(@PathParam("id") String id) {
        return service.lift(id);
    }
}
