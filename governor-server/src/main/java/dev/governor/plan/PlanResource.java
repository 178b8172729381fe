package dev.governor.plan;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import dev.governor.api.Roles;
import dev.governor.identity.Caller;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import java.util.UUID;

/** Plans: verify the whole sequence before the first step runs. */
@Tag(name = "Plans", description = "Multi-step plans verified before the first step")
@Path("/v1/plans")
@Produces(MediaType.APPLICATION_JSON)
public class PlanResource {

    private final PlanService plans;
    private final Caller caller;

    public PlanResource(PlanService plans, Caller caller) {
        this.plans = plans;
        this.caller = caller;
    }

    /** Only the agent's own key may submit its plan. */
    @Operation(operationId = "verifyPlan", summary = "Weigh every step of a plan before the first runs, with one approval for the whole")
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.AGENT)
    public PlanResponse verify(@NotNull @Valid PlanRequest body) {
        caller.requireAgent(body.agentId());
        return plans.verify(body);
    }

    @Operation(operationId = "getPlan", summary = "A verified plan and which steps have run")
    @GET
    @Path("{id}")
    @RolesAllowed({Roles.READER, Roles.AGENT})
    public PlanRecord get(@PathParam("id") UUID id) {
        PlanRecord plan = plans.get(id);
        caller.requireSelfIfAgent(plan.agentId());
        return plan;
    }
}
