package dev.governor.freeze;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import dev.governor.api.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** The big red button: stop every mutation of every agent, with one call. */
@Tag(name = "Freezes and halts")
@Path("/v1/halt")
@Produces(MediaType.APPLICATION_JSON)
public class HaltResource {

    private final HaltService service;

    public HaltResource(HaltService service) {
        this.service = service;
    }

    @Operation(operationId = "getHalt", summary = "Whether the global halt is on")
    @GET
    @RolesAllowed(Roles.READER)
    public Halt current() {
        return service.current();
    }

    /** 409 when a halt is already in force. */
    @Operation(operationId = "declareHalt", summary = "Halt every mutation by every agent")
    @POST
    @RolesAllowed(Roles.ADMIN)
    @Consumes(MediaType.APPLICATION_JSON)
    public Halt declare(@Valid @NotNull HaltRequest body) {
        return service.declare(body.reason());
    }

    /** 409 when no halt is in force. */
    @Operation(operationId = "liftHalt", summary = "Lift the global halt")
    @DELETE
    @RolesAllowed(Roles.ADMIN)
    public Halt lift() {
        return service.lift();
    }
}
