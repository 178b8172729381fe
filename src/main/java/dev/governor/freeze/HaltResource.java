package dev.governor.freeze;

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
@Path("/v1/halt")
@Produces(MediaType.APPLICATION_JSON)
public class HaltResource {

    private final HaltService service;

    public HaltResource(HaltService service) {
        this.service = service;
    }

    @GET
    @RolesAllowed(Roles.READER)
    public Halt current() {
        return service.current();
    }

    /** 409 when a halt is already in force. */
    @POST
    @RolesAllowed(Roles.ADMIN)
    @Consumes(MediaType.APPLICATION_JSON)
    public Halt declare(@Valid @NotNull HaltRequest body) {
        return service.declare(body.reason());
    }

    /** 409 when no halt is in force. */
    @DELETE
    @RolesAllowed(Roles.ADMIN)
    public Halt lift() {
        return service.lift();
    }
}
