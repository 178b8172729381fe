package dev.governor.compliance;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** {@code GET /v1/reports/compliance}: a framework's controls, each with the live evidence it names. */
public record ComplianceReport(String framework, String title, String edition, Instant generatedAt, String window,
                               List<ControlReport> controls, List<String> notCovered, String document) {

    public record ControlReport(String id, String title, String clause, List<String> implementedBy,
                                Map<String, Object> evidence, String gaps) {
    }
}
