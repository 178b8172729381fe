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

import java.util.UUID;

@Path("/v1/decisions")
@Produces(MediaType.APPLICATION_JSON)
public class DecisionResource {

    private final DecisionService decisions;

    public DecisionResource(DecisionService decisions) {
        this.decisions = decisions;
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
}
