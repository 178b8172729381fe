package dev.governor.decision;

import dev.governor.api.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Tag(name = "Benchmarks", description = "Agents measured against human operators")
@Path("/v1/benchmarks")
@Produces(MediaType.APPLICATION_JSON)
public class BenchmarkResource {

    private final Benchmarks benchmarks;

    public BenchmarkResource(Benchmarks benchmarks) {
        this.benchmarks = benchmarks;
    }

    @Operation(operationId = "benchmarks", summary = "Agents against human operators per action class: agreement, "
            + "success and rollback rates, incidents, time to act")
    @GET
    @RolesAllowed({Roles.AUDITOR, Roles.AGENT_ADMIN, Roles.APPROVER, Roles.ADMIN})
    public Benchmark get(@QueryParam("actionType") String actionType, @QueryParam("window") String window) {
        return benchmarks.of(actionType, window);
    }
}
