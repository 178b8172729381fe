package dev.governor.policy;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.governor.api.PageRequest;
import dev.governor.api.QueryParams;
import dev.governor.api.Roles;
import dev.governor.identity.Caller;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.jboss.resteasy.reactive.RestResponse;

import java.util.List;

@Tag(name = "Policies", description = "The policy files in force, reloads and replays")
@Path("/v1/policies")
@Produces(MediaType.APPLICATION_JSON)
public class PolicyResource {

    private final PolicyService policies;
    private final PolicyLoadLog history;
    private final PolicyReplay replay;
    private final ObjectMapper mapper;

    private final Caller caller;

    public PolicyResource(PolicyService policies, PolicyLoadLog history, PolicyReplay replay, ObjectMapper mapper,
                          Caller caller) {
        this.caller = caller;
        this.policies = policies;
        this.mapper = mapper;
        this.history = history;
        this.replay = replay;
    }

    /** The policy version in force and the files it was compiled from. */
    @Operation(operationId = "getPolicy", summary = "The policy version in force and its files")
    @GET
    @RolesAllowed(Roles.READER)
    public PolicySnapshot current() {
        return policies.current();
    }

    /**
     * Recompiles and checks the policy directories, runs the policy tests, and only then activates
     * the new version: 200 with it, or 422 naming every problem while the last good version stays in
     * force (503 if the load cannot be recorded). The body is optional. Skipping the tests
     * ({@code requireTests=false}) is for administrators, and the load record says who skipped them.
     */
    @Operation(operationId = "reloadPolicy", summary = "Load the policy files again; the old version stays on any error")
    @POST
    @Path("reload")
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed(Roles.POLICY_AUTHOR)
    public ReloadResponse reload(@RequestBody(required = false, content = @Content(mediaType = MediaType.APPLICATION_JSON,
                                         schema = @Schema(implementation = ReloadRequest.class))) String json,
                                 @QueryParam("requireTests") String requireTests,
                                 @HeaderParam("X-Actor") String actorHeader) throws JsonProcessingException {
        // The body is optional (a bare POST is the common case), so it is read here rather than bound.
        ReloadRequest body = json == null || json.isBlank() ? null : mapper.readValue(json, ReloadRequest.class);
        boolean tests = !Boolean.FALSE.equals(QueryParams.bool("requireTests", requireTests))
                && !(body != null && Boolean.FALSE.equals(body.requireTests()));
        String actor = caller.nameClaimedAs(body == null ? null : body.actor(), actorHeader);
        if (!tests && !caller.hasRole(Roles.ADMIN)) {
            throw Caller.forbidden("only an administrator may reload without the policy tests (requireTests=false)");
        }
        PolicyLoad load = policies.reload(actor, PolicyLoad.Trigger.RELOAD, tests);
        if (!load.activated()) throw PolicyProblems.rejected("Policy rejected", load.errors());
        return new ReloadResponse(policies.current(), load);
    }

    /** Every load attempt, newest first; {@code X-Total-Count} carries the total. */
    @Operation(operationId = "listPolicyLoads", summary = "Every policy load and reload, newest first")
    @GET
    @Path("history")
    @RolesAllowed(Roles.READER)
    public RestResponse<List<PolicyLoad>> history(@QueryParam("page") String page, @QueryParam("size") String size) {
        return RestResponse.ResponseBuilder.ok(history.list(PageRequest.of(page, size)))
                .header("X-Total-Count", history.total()).build();
    }

    /** Replays recorded decisions against a candidate policy directory and reports the outcome flips. */
    @Operation(operationId = "replayPolicy", summary = "Replay recorded decisions under the current policy and list the verdicts that flip")
    @POST
    @Path("replay")
    @RolesAllowed(Roles.POLICY_AUTHOR)
    @Consumes(MediaType.APPLICATION_JSON)
    public FlipReport replay(@Valid @NotNull ReplayRequest body) {
        return replay.replay(body);
    }
}
