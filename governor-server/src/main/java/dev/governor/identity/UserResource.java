package dev.governor.identity;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import dev.governor.api.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import dev.governor.api.PageRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
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
    private final UserDirectory directory;
    private final Caller caller;

    public UserResource(Users users, UserDirectory directory, Caller caller) {
        this.users = users;
        this.directory = directory;
        this.caller = caller;
    }

    /** Sorted by name; {@code X-Total-Count} carries the number of users across all pages. Never a token hash. */
    @Operation(operationId = "listUsers", summary = "Every person Governor knows: local users and seen OIDC subjects")
    @GET
    @RolesAllowed(Roles.ADMIN)
    public RestResponse<List<UserView>> list(@QueryParam("page") String page, @QueryParam("size") String size) {
        PageRequest paging = PageRequest.of(page, size);
        return RestResponse.ResponseBuilder.ok(directory.list(paging)).header("X-Total-Count", directory.count()).build();
    }

    /** The user's token stops authenticating; agents it owns are orphaned until reassigned. Audited. */
    @Operation(operationId = "disableUser", summary = "Disable a user (local or OIDC subject)")
    @POST
    @Path("{name}/disable")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ADMIN)
    public UserView disable(@PathParam("name") String name, @Valid @NotNull DisableRequest body) {
        return directory.disable(name, body.reason(), caller.name());
    }

    /** Soft delete: the row stays so the audit log's actors stay readable; the token stops authenticating. */
    @Operation(operationId = "deleteUser", summary = "Delete a user (soft: it stays listed as DELETED)")
    @DELETE
    @Path("{name}")
    @RolesAllowed(Roles.ADMIN)
    public UserView delete(@PathParam("name") String name) {
        return directory.delete(name, caller.name());
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
