package dev.governor.identity;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import dev.governor.api.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.jboss.resteasy.reactive.RestResponse;

import java.util.List;
import java.util.TreeSet;

/** Governor-local human users (when no identity provider is plugged in). */
@Tag(name = "Users", description = "Governor-local human users")
@Path("/v1/users")
@Produces(MediaType.APPLICATION_JSON)
public class UserResource {

    private final Users users;
    private final Caller caller;

    public UserResource(Users users, Caller caller) {
        this.users = users;
        this.caller = caller;
    }

    /** The token is in this answer only; Governor keeps its hash. */
    public record CreatedUser(String name, List<String> roles, String token) {
    }

    @Operation(operationId = "createUser", summary = "Add a Governor-local user; its token is shown once")
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ADMIN)
    public RestResponse<CreatedUser> create(@Valid @NotNull UserRequest body) {
        users.refuseReserved(body.name());
        String token = users.create(body.name(), body.roles(), null, caller.name());
        return RestResponse.status(RestResponse.Status.CREATED,
                new CreatedUser(body.name(), List.copyOf(new TreeSet<>(body.roles())), token));
    }
}
