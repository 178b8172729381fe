package dev.governor.autonomy;

import dev.governor.api.PageRequest;
import dev.governor.api.QueryParams;
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

/** Promotions waiting for, or given, a second person's sign-off. */
@Tag(name = "Autonomy", description = "Evidence, promotions signed off by a second person, demotion on drift")
@Path("/v1/promotions")
@Produces(MediaType.APPLICATION_JSON)
public class PromotionResource {

    private final Promotions promotions;

    public PromotionResource(Promotions promotions) {
        this.promotions = promotions;
    }

    /** Oldest first; {@code X-Total-Count} carries the number of matches across all pages. */
    @Operation(operationId = "listPromotions", summary = "Promotions, a page at a time, optionally by status")
    @GET
    @RolesAllowed(Roles.READER)
    public RestResponse<List<Promotion>> list(@QueryParam("status") String status, @QueryParam("page") String page,
                                              @QueryParam("size") String size) {
        Promotion.Status filter = QueryParams.enumValue("status", status, Promotion.Status.class);
        return RestResponse.ResponseBuilder.ok(promotions.list(filter, PageRequest.of(page, size)))
                .header("X-Total-Count", promotions.count(filter)).build();
    }

    @Operation(operationId = "getPromotion", summary = "One promotion, with the evidence it was judged by")
    @GET
    @Path("{id}")
    @RolesAllowed(Roles.READER)
    public Promotion get(@PathParam("id") UUID id) {
        return promotions.get(id);
    }

    @Operation(operationId = "approvePromotion", summary = "Sign a promotion off: neither its requester nor the agent's owner")
    @POST
    @Path("{id}/approve")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.APPROVER, Roles.AGENT_ADMIN})
    public Promotion approve(@PathParam("id") UUID id, @Valid SignOff body) {
        return promotions.approve(id, body == null ? null : body.comment());
    }

    @Operation(operationId = "rejectPromotion", summary = "Reject a pending promotion")
    @POST
    @Path("{id}/reject")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.APPROVER, Roles.AGENT_ADMIN})
    public Promotion reject(@PathParam("id") UUID id, @Valid SignOff body) {
        return promotions.reject(id, body == null ? null : body.comment());
    }
}
