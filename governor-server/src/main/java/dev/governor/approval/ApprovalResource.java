package dev.governor.approval;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import dev.governor.GovernorConfig;
import dev.governor.api.ApiException;
import dev.governor.api.PageRequest;
import dev.governor.api.QueryParams;
import dev.governor.api.Roles;
import dev.governor.identity.Caller;
import jakarta.annotation.security.RolesAllowed;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Uni;
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
import org.jboss.resteasy.reactive.RestResponse;

import java.util.List;
import java.util.Locale;
import java.util.UUID;

/** Approvals: the human checkpoint before the irreversible step. */
@Tag(name = "Approvals", description = "The human checkpoint, bound to one exact action")
@Path("/v1/approvals")
@Produces(MediaType.APPLICATION_JSON)
public class ApprovalResource {

    private final ApprovalService approvals;
    private final ApprovalWaiter waiter;
    private final GovernorConfig config;
    private final Caller caller;

    public ApprovalResource(ApprovalService approvals, ApprovalWaiter waiter, GovernorConfig config, Caller caller) {
        this.caller = caller;
        this.approvals = approvals;
        this.waiter = waiter;
        this.config = config;
    }

    /** Newest first; {@code X-Total-Count} carries the number of matches across all pages. */
    @Operation(operationId = "listApprovals", summary = "Approvals, a page at a time")
    @GET
    @RolesAllowed(Roles.READER)
    public RestResponse<List<ApprovalView>> list(@QueryParam("status") String status,
                                                 @QueryParam("page") String page,
                                                 @QueryParam("size") String size) {
        ApprovalStatus filter = status(status);
        return RestResponse.ResponseBuilder.ok(approvals.list(filter, PageRequest.of(page, size)))
                .header("X-Total-Count", approvals.count(filter))
                .build();
    }

    /**
     * With {@code ?waitSeconds=N}, waits until a PENDING approval changes (at most N seconds). The
     * first read and the checks run on a worker ({@code @Blocking}); the wait itself holds no
     * thread: the worker is free once the {@code Uni} is returned.
     */
    @Operation(operationId = "getApproval", summary = "One approval; with waitSeconds, wait for it to be decided (long-poll)")
    @GET
    @Path("{id}")
    @Blocking
    @RolesAllowed({Roles.READER, Roles.AGENT})
    public Uni<ApprovalView> get(@PathParam("id") UUID id, @QueryParam("waitSeconds") String waitSeconds) {
        int wait = QueryParams.integer("waitSeconds", waitSeconds, 0, 0, config.approval().maxWaitSeconds());
        ApprovalView now = approvals.get(id);
        caller.requireSelfIfAgent(now.agentId());
        return waiter.await(caller.name(), now, wait);
    }

    @Operation(operationId = "approve", summary = "Sign off the one exact action")
    @POST
    @Path("{id}/approve")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.APPROVER)
    public ApprovalView approve(@PathParam("id") UUID id, @Valid @NotNull ApprovalDecision body) {
        return approvals.approve(id, approver(body), body);
    }

    @Operation(operationId = "reject", summary = "Refuse the action")
    @POST
    @Path("{id}/reject")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.APPROVER)
    public ApprovalView reject(@PathParam("id") UUID id, @Valid @NotNull ApprovalDecision body) {
        return approvals.reject(id, approver(body), body);
    }

    /** The caller decides; a body naming someone else is refused. */
    private String approver(ApprovalDecision body) {
        return caller.nameClaimedAs(body.approver());
    }

    private static ApprovalStatus status(String value) {
        if (value == null || value.isEmpty()) return null;
        try {
            return ApprovalStatus.valueOf(value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ApiException.invalid("status", "must be one of PENDING, APPROVED, REJECTED, EXPIRED, CONSUMED");
        }
    }
}
