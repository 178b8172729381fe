package dev.governor.mcp;

import dev.governor.client.Decision;
import dev.governor.client.GovernorException;
import io.modelcontextprotocol.spec.McpSchema;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The tool results the gateway answers with. Each carries Governor's verdict in {@code _meta}
 * under {@value #META} (outcome, decision, approval, reasons), and says it in words for the model.
 */
final class ToolResults {
    static final String META = "dev.governor/decision";

    private final String approvalLink;

    /** @param approvalLink a template; {@code {approvalId}} is replaced */
    ToolResults(String approvalLink) {
        this.approvalLink = approvalLink;
    }

    McpSchema.CallToolResult refused(String tool, String why) {
        return error("Governor gateway refused '" + tool + "': " + why, Map.of("outcome", "REFUSED"));
    }

    McpSchema.CallToolResult unavailable(String tool, GovernorException e) {
        Map<String, Object> meta = new LinkedHashMap<>();
        meta.put("outcome", "UNAVAILABLE");
        meta.put("status", e.status());
        if (e.problem() != null && e.problem().type() != null) meta.put("problem", e.problem().type());
        return error("Governor could not decide on '" + tool + "', so it was not carried out: " + e.getMessage(), meta);
    }

    McpSchema.CallToolResult denied(String tool, Decision decision) {
        String reasons = decision.reasons().stream()
                .map(r -> r.code() + ": " + r.message() + (r.source() == null ? "" : " [" + r.source() + "]"))
                .collect(Collectors.joining("; "));
        return error("Governor answered " + decision.outcome() + " to '" + tool + "'; it was not carried out. "
                + "Reasons: " + reasons, verdict(decision));
    }

    McpSchema.CallToolResult pending(String tool, Decision decision, UUID approvalId) {
        String link = approvalLink.replace("{approvalId}", approvalId.toString());
        Map<String, Object> meta = verdict(decision);
        meta.put("link", link);
        return error("'" + tool + "' needs a person's approval and was not carried out yet. Approval " + approvalId
                + " is pending: " + link + " . Call the tool again with the same arguments once it is approved.",
                meta);
    }

    McpSchema.CallToolResult upstreamFailed(String tool, Decision decision, RuntimeException e) {
        return error("'" + tool + "' was allowed but the upstream server failed: " + e.getMessage(), verdict(decision));
    }

    McpSchema.CallToolResult forwarded(McpSchema.CallToolResult result, Decision decision) {
        Map<String, Object> meta = result.meta() == null ? new HashMap<>() : new HashMap<>(result.meta());
        meta.put(META, verdict(decision));
        return new McpSchema.CallToolResult(result.content(), result.isError(), result.structuredContent(), meta);
    }

    private static Map<String, Object> verdict(Decision decision) {
        Map<String, Object> verdict = new LinkedHashMap<>();
        verdict.put("outcome", String.valueOf(decision.outcome()));
        verdict.put("decisionId", String.valueOf(decision.decisionId()));
        if (decision.approval() != null) {
            verdict.put("approvalId", String.valueOf(decision.approval().id()));
            verdict.put("approvalStatus", String.valueOf(decision.approval().status()));
        }
        verdict.put("reasons", decision.reasons().stream().map(r -> {
            Map<String, Object> reason = new LinkedHashMap<>();
            reason.put("code", r.code());
            reason.put("message", r.message());
            reason.put("source", r.source());
            return reason;
        }).toList());
        return verdict;
    }

    private static McpSchema.CallToolResult error(String text, Map<String, Object> verdict) {
        return new McpSchema.CallToolResult(List.of(new McpSchema.TextContent(text)), true, null,
                Map.of(META, verdict));
    }
}
