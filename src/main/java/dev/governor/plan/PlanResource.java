package dev.governor.plan;

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
@Path("/v1/plans")
@Produces(MediaType.APPLICATION_JSON)
public class PlanResource {

    private final PlanService plans;

    public PlanResource(PlanService plans) {
        this.plans = plans;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public PlanResponse verify(@NotNull @Valid PlanRequest body) {
        return plans.verify(body);
    }

    @GET
    @Path("{id}")
    public PlanRecord get(@PathParam("id") UUID id) {
        return plans.get(id);
    }
}
