package dev.governor.autonomy;

import dev.governor.agent.AgentService;
import dev.governor.api.Roles;
import dev.governor.audit.ExportFormat;
import dev.governor.audit.StreamedExport;
import dev.governor.identity.Caller;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** An agent's evidence, and the promotions asked for it. */
@Tag(name = "Autonomy")
@Path("/v1/agents/{id}")
public class AgentAutonomyResource {

    static final List<String> CSV_COLUMNS = List.of("agentId", "at", "change", "to", "fromStep", "toStep", "stepMet",
            "criterion", "required", "actual", "met", "window", "source", "decisionIds", "criteriaVersion");

    private final AgentService agents;
    private final Evidence evidence;
    private final Promotions promotions;
    private final Caller caller;
    private final StreamedExport export;

    public AgentAutonomyResource(AgentService agents, Evidence evidence, Promotions promotions, Caller caller,
                                 StreamedExport export) {
        this.agents = agents;
        this.evidence = evidence;
        this.promotions = promotions;
        this.caller = caller;
        this.export = export;
    }

    /**
     * JSON by default; {@code ?format=csv|ndjson} (or {@code Accept: text/csv}) gives one row per
     * criterion, for auditors.
     */
    @Operation(operationId = "agentEvidence", summary = "The agent's record against the criteria of its next steps")
    @GET
    @Path("evidence")
    @RolesAllowed({Roles.READER, Roles.AGENT})
    public Response evidence(@PathParam("id") String id, @QueryParam("toEnvironment") String toEnvironment,
                             @QueryParam("format") String format, @QueryParam("bom") String bom,
                             @HeaderParam(HttpHeaders.ACCEPT) String accept) {
        caller.requireSelfIfAgent(id);
        EvidenceReport report = evidence.report(agents.get(id), Optional.ofNullable(toEnvironment).filter(s -> !s.isBlank()));
        boolean table = (format != null && !format.isEmpty()) || (accept != null && accept.contains("text/csv"));
        if (!table) return Response.ok(report, MediaType.APPLICATION_JSON).build();
        ExportFormat chosen = ExportFormat.of(format, accept);
        List<Map<String, Object>> rows = rows(report);
        return chosen.attachment(export.streamed(chosen, CSV_COLUMNS, writer -> {
            for (Map<String, Object> row : rows) writer.write(row);
        }), "evidence-" + id, bom);
    }

    @Operation(operationId = "requestPromotion", summary = "Ask for a promotion: 201 PENDING, or 409 with the unmet criteria")
    @POST
    @Path("promotions")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.READER)
    public Response request(@PathParam("id") String id, @Valid @NotNull PromotionRequest body) {
        Promotion asked = promotions.request(id, body);
        if (asked.status() == Promotion.Status.REFUSED) {
            throw Promotions.unmet("promotion " + asked.id() + " refused, criteria unmet", asked.evidence(), asked.id());
        }
        return Response.status(Response.Status.CREATED).entity(asked).build();
    }

    private static List<Map<String, Object>> rows(EvidenceReport report) {
        List<StepEvidence> steps = new ArrayList<>();
        if (report.nextLevel() != null) steps.add(report.nextLevel());
        steps.addAll(report.nextEnvironments());
        List<Map<String, Object>> rows = new ArrayList<>();
        for (StepEvidence step : steps) {
            for (CriterionResult c : step.criteria()) {
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("agentId", report.agentId());
                row.put("at", report.at().toString());
                row.put("change", step.change().name());
                row.put("to", step.to());
                row.put("fromStep", step.fromStep());
                row.put("toStep", step.toStep());
                row.put("stepMet", step.met());
                row.put("criterion", c.criterion());
                row.put("required", c.required());
                row.put("actual", c.actual());
                row.put("met", c.met());
                row.put("window", c.window() == null ? null : c.window().toString());
                row.put("source", c.source());
                row.put("decisionIds", String.join(" ", c.decisionIds().stream().map(Object::toString).toList()));
                row.put("criteriaVersion", step.criteriaVersion());
                rows.add(row);
            }
        }
        return rows;
    }
}
