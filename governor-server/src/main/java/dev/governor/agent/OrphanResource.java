package dev.governor.agent;

import dev.governor.api.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;

/** Agents nobody answers for, for the people who must reassign or retire them. */
@Tag(name = "Reports")
@Path("/v1/reports/orphans")
@Produces(MediaType.APPLICATION_JSON)
public class OrphanResource {

    private final AgentGrants agents;

    public OrphanResource(AgentGrants agents) {
        this.agents = agents;
    }

    @Operation(operationId = "orphanReport", summary = "Agents whose owner is disabled, deleted or unknown")
    @GET
    @RolesAllowed({Roles.AUDITOR, Roles.AGENT_ADMIN})
    public List<Orphan> orphans() {
        return agents.orphans();
    }
}
