package dev.governor.grant;

import dev.governor.agent.AgentGrants;
import dev.governor.api.PageRequest;
import dev.governor.api.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

import java.time.Duration;
import java.util.List;

/** The right-sizing report of every agent, a page of agents at a time (sorted by id). */
@Tag(name = "Reports")
@Path("/v1/reports/permissions")
@Produces(MediaType.APPLICATION_JSON)
public class PermissionReportResource {

    private final AgentGrants agents;
    private final PermissionUsage usage;

    public PermissionReportResource(AgentGrants agents, PermissionUsage usage) {
        this.agents = agents;
        this.usage = usage;
    }

    @Operation(operationId = "permissionReport", summary = "Permission usage of every agent; X-Total-Count counts agents")
    @GET
    @RolesAllowed({Roles.AUDITOR, Roles.AGENT_ADMIN})
    public RestResponse<List<UsageReport>> report(@QueryParam("window") String window, @QueryParam("page") String page,
                                                 @QueryParam("size") String size) {
        Duration parsed = UsageWindow.parse(window);
        String asGiven = window == null || window.isEmpty() ? "P30D" : window;
        PageRequest paging = PageRequest.of(page, size);
        List<UsageReport> reports = agents.page(paging).stream().map(a -> usage.of(a, parsed, asGiven)).toList();
        return RestResponse.ResponseBuilder.ok(reports).header("X-Total-Count", agents.count()).build();
    }
}
