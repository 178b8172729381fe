package dev.governor.freeze;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import dev.governor.api.PageRequest;
import dev.governor.api.Roles;
import jakarta.annotation.security.RolesAllowed;
import dev.governor.api.QueryParams;
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
import org.jboss.resteasy.reactive.RestResponse;

import java.util.List;

/** Freezes: protective windows in which no mutating action may run in an environment. */
@Tag(name = "Freezes and halts", description = "Change freezes and the global halt")
@Path("/v1/freezes")
@Produces(MediaType.APPLICATION_JSON)
public class FreezeResource {

    private final FreezeService service;

    public FreezeResource(FreezeService service) {
        this.service = service;
    }

    @Operation(operationId = "createFreeze", summary = "Declare a change freeze")
    @POST
    @RolesAllowed(Roles.AGENT_ADMIN)
    @Consumes(MediaType.APPLICATION_JSON)
    public RestResponse<Freeze> create(@Valid @NotNull FreezeRequest body) {
        Freeze freeze = service.create(body);
        return RestResponse.ResponseBuilder.<Freeze>created(
                UriBuilder.fromResource(FreezeResource.class).path(freeze.id().toString()).build())
                .entity(freeze).build();
    }

    /** Newest first; {@code ?active=true} keeps those in force now. {@code X-Total-Count} counts all pages. */
    @Operation(operationId = "listFreezes", summary = "Freezes, a page at a time")
    @GET
    @RolesAllowed(Roles.READER)
    public RestResponse<List<Freeze>> list(@QueryParam("active") String active,
                                           @QueryParam("environment") String environment,
                                           @QueryParam("page") String page,
                                           @QueryParam("size") String size) {
        var filter = new FreezeRepository.FreezeFilter(QueryParams.bool("active", active), environment);
        PageRequest paging = PageRequest.of(page, size);
        return RestResponse.ResponseBuilder.ok(service.list(filter, paging))
                .header("X-Total-Count", service.count(filter))
                .build();
    }

    @Operation(operationId = "getFreeze", summary = "One freeze")
    @GET
    @Path("{id}")
    @RolesAllowed(Roles.READER)
    public Freeze get(@PathParam("id") String id) {
        return service.get(id);
    }

    /** Lifts the freeze early and answers with its final state. */
    @Operation(operationId = "liftFreeze", summary = "Lift a freeze")
    @DELETE
    @RolesAllowed(Roles.AGENT_ADMIN)
    @Path("{id}")
    public Freeze lift(@PathParam("id") String id) {
        return service.lift(id);
    }
}
