package dev.governor.decision;

import dev.governor.api.ApiException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.util.UUID;

@Path("/v1/decisions")
@Produces(MediaType.APPLICATION_JSON)
public class DecisionResource {

    private final DecisionService decisions;
    private final OutcomeService outcomes;
    private final TraceService traces;

    public DecisionResource(DecisionService decisions, OutcomeService outcomes, TraceService traces) {
        this.decisions = decisions;
        this.outcomes = outcomes;
        this.traces = traces;
    }

    /** The call every agent makes before every step. */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public DecisionResponse decide(@NotNull @Valid DecisionRequest body) {
        return decisions.decide(body);
    }

    @GET
    @Path("/{id}")
    public DecisionRecord get(@PathParam("id") UUID id) {
        return decisions.find(id).orElseThrow(() -> ApiException.notFound("decision", id));
    }

    /** The whole story of one decision for an incident review. */
    @GET
    @Path("/{id}/trace")
    public DecisionTrace trace(@PathParam("id") UUID id) {
        return traces.trace(id);
    }

    /** What happened after the decision; reports are kept as history (201 each time). */
    @POST
    @Path("/{id}/outcome")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response outcome(@PathParam("id") UUID id, @NotNull @Valid OutcomeRequest body) {
        return Response.status(Response.Status.CREATED).entity(outcomes.report(id, body)).build();
    }
}
