package dev.governor.policy;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

@Path("/v1/policies")
@Produces(MediaType.APPLICATION_JSON)
public class PolicyResource {

    private final PolicyEngine engine;

    public PolicyResource(PolicyEngine engine) {
        this.engine = engine;
    }

    /** The policy version in force and the files it was compiled from. */
    @GET
    public PolicySnapshot current() {
        return engine.current();
    }
}
