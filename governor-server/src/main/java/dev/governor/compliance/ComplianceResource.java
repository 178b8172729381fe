package dev.governor.compliance;

import dev.governor.api.ApiException;
import dev.governor.api.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.Clock;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/** Which Governor control answers which clause of a framework, with the evidence that it works. */
@Tag(name = "Reports")
@Path("/v1/reports/compliance")
@Produces(MediaType.APPLICATION_JSON)
public class ComplianceResource {

    private static final Duration MAX_WINDOW = Duration.ofDays(366);

    private final Catalogues catalogues;
    private final ComplianceEvidence evidence;
    private final Clock clock;

    public ComplianceResource(Catalogues catalogues, ComplianceEvidence evidence, Clock clock) {
        this.catalogues = catalogues;
        this.evidence = evidence;
        this.clock = clock;
    }

    @Operation(operationId = "complianceReport",
            summary = "A framework's controls (eu-ai-act, nist-ai-rmf, owasp-agentic) with live evidence")
    @GET
    @RolesAllowed({Roles.AUDITOR, Roles.AGENT_ADMIN})
    public ComplianceReport report(@QueryParam("framework") String framework, @QueryParam("window") String window) {
        Framework f = Framework.of(framework).orElseThrow(() -> ApiException.invalid("framework",
                "must be one of " + Arrays.stream(Framework.values()).map(v -> v.id).toList()));
        Duration span = window(window);
        Catalogue catalogue = catalogues.of(f);
        Map<String, Object> live = evidence.gather(span);
        var controls = catalogue.controls().stream().map(c -> {
            Map<String, Object> shown = new LinkedHashMap<>();
            c.evidence().forEach(key -> shown.put(key, live.get(key)));
            return new ComplianceReport.ControlReport(c.id(), c.title(), c.clause(), c.implementedBy(), shown, c.gaps());
        }).toList();
        return new ComplianceReport(f.id, catalogue.title(), catalogue.edition(), clock.instant(), span.toString(),
                controls, catalogue.notCovered(), "docs/compliance.md");
    }

    private static Duration window(String window) {
        if (window == null || window.isBlank()) return Duration.ofDays(30);
        try {
            Duration d = Duration.parse(window);
            if (d.isNegative() || d.isZero() || d.compareTo(MAX_WINDOW) > 0) {
                throw ApiException.invalid("window", "must be a positive ISO-8601 duration of at most P366D");
            }
            return d;
        } catch (DateTimeParseException e) {
            throw ApiException.invalid("window", "must be an ISO-8601 duration such as P30D");
        }
    }
}
