package dev.governor.decision;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import dev.governor.api.Roles;
import dev.governor.audit.ExportFormat;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

/**
 * The auditors' decision exports, {@code /v1/audit/decisions} and {@code /v1/audit/rule-firings}.
 * Here rather than in the audit package because they read this package's tables, and the audit
 * package cannot depend on this one (decisions write to the audit trail). Read-only.
 */
@Tag(name = "Audit")
@Path("/v1/audit")
@RolesAllowed(Roles.AUDITOR)
public class DecisionExportResource {

    private final DecisionExports exports;

    public DecisionExportResource(DecisionExports exports) {
        this.exports = exports;
    }

    @Operation(operationId = "exportDecisions", summary = "Stored decisions, streamed (NDJSON or CSV)")
    @GET
    @Path("/decisions")
    public Response decisions(@QueryParam("from") String from, @QueryParam("to") String to,
                              @QueryParam("agentId") String agentId, @QueryParam("outcome") String outcome,
                              @QueryParam("outcomeStatus") String outcomeStatus, @QueryParam("review") String review,
                              @QueryParam("format") String format, @QueryParam("bom") String bom,
                              @HeaderParam(HttpHeaders.ACCEPT) String accept) {
        ExportFormat f = ExportFormat.of(format, accept);
        return f.attachment(exports.decisions(ExportFilter.parse(from, to, agentId, outcome, outcomeStatus, review), f),
                "decisions", bom);
    }

    @Operation(operationId = "exportRuleFirings", summary = "Every rule fired and table row matched, streamed (NDJSON or CSV)")
    @GET
    @Path("/rule-firings")
    public Response ruleFirings(@QueryParam("from") String from, @QueryParam("to") String to,
                                @QueryParam("agentId") String agentId, @QueryParam("outcome") String outcome,
                                @QueryParam("format") String format, @QueryParam("bom") String bom,
                                @HeaderParam(HttpHeaders.ACCEPT) String accept) {
        ExportFormat f = ExportFormat.of(format, accept);
        return f.attachment(exports.ruleFirings(ExportFilter.parse(from, to, agentId, outcome), f), "rule-firings", bom);
    }
}
