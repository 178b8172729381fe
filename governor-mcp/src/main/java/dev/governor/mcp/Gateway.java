package dev.governor.mcp;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.governor.client.ActionRequest;
import dev.governor.client.Approval;
import dev.governor.client.ApprovalStatus;
import dev.governor.client.Decision;
import dev.governor.client.GovernorClient;
import dev.governor.client.GovernorException;
import dev.governor.client.Outcome;
import dev.governor.client.OutcomeStatus;
import dev.governor.client.ReceiptGuard;
import dev.governor.client.Receipts;
import io.modelcontextprotocol.spec.McpSchema;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * One governed tool call: map it to an action, ask Governor, and only on ALLOW forward it
 * upstream, then report what became of it. Everything else (no rule, DENY, RECOMMEND, an
 * approval still pending, Governor unreachable) is a tool error and the upstream never sees the call.
 * An ALLOW is forwarded only when its signed receipt verifies against Governor's published keys
 * for this exact action, once: an answer forged or replayed between Governor and the gateway
 * does not carry the call through.
 */
public final class Gateway {
    private static final System.Logger LOG = System.getLogger(Gateway.class.getName());
    /** How often a receipt naming an unknown key may make the gateway fetch Governor's keys again. */
    private static final Duration KEY_REFRESH = Duration.ofSeconds(30);

    private final GovernorClient governor;
    private final ActionMapper mapper;
    private final Function<McpSchema.CallToolRequest, McpSchema.CallToolResult> upstream;
    private final String agentId;
    private final String sessionId;
    private final Duration approvalWait;
    private final ToolResults results;
    private final ReceiptGuard receipts;
    private final ObjectMapper canonical = new ObjectMapper().configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);
    /** Approvals opened by calls that could not wait, by tool and arguments: calling again executes them. */
    private final Map<String, UUID> pending = new ConcurrentHashMap<>();

    public Gateway(GovernorClient governor, MappingFile mapping, String sessionId, String approvalLinkFallback,
                   Function<McpSchema.CallToolRequest, McpSchema.CallToolResult> upstream) {
        this.governor = governor;
        this.mapper = new ActionMapper(mapping);
        this.upstream = upstream;
        this.agentId = mapping.agentId();
        this.sessionId = mapping.sessionId() != null ? mapping.sessionId() : sessionId;
        this.approvalWait = mapping.approvalWait();
        this.results = new ToolResults(mapping.approvalLink() != null ? mapping.approvalLink() : approvalLinkFallback);
        this.receipts = ReceiptGuard.refreshing(governor::publicKeys, KEY_REFRESH);
    }

    public McpSchema.CallToolResult call(McpSchema.CallToolRequest call) {
        Map<String, Object> arguments = call.arguments() == null ? Map.of() : call.arguments();
        Optional<ActionRequest.Action> action;
        try {
            action = mapper.map(call.name(), arguments);
        } catch (MappingException e) {
            return results.refused(call.name(), e.getMessage());
        }
        if (action.isEmpty()) {
            return results.refused(call.name(), "no rule of the gateway's mapping file covers this call, "
                    + "so it cannot be put to Governor; it was not carried out");
        }
        ActionRequest request = ActionRequest.of(agentId, sessionId, action.get())
                .withReasoning(new ActionRequest.Reasoning(null, null, "MCP tool call " + call.name(), null,
                        canonical.valueToTree(Map.of("tool", call.name(), "arguments", arguments))));
        String key = key(call.name(), arguments);
        try {
            UUID known = pending.get(key);
            Decision decision = known != null ? governor.executeApproved(known, request) : governor.decide(request);
            return answer(call, request, key, decision);
        } catch (GovernorException e) {
            // No answer is never an ALLOW: the call stays undone.
            return results.unavailable(call.name(), e);
        }
    }

    private McpSchema.CallToolResult answer(McpSchema.CallToolRequest call, ActionRequest request, String key,
                                            Decision decision) {
        if (decision.outcome() == Outcome.ALLOW) {
            pending.remove(key);
            return forward(call, request, decision);
        }
        if (decision.outcome() != Outcome.REQUIRE_APPROVAL || decision.approval() == null) {
            pending.remove(key);
            return results.denied(call.name(), decision);
        }
        UUID approvalId = decision.approval().id();
        // Remembered before waiting: if the wait fails, calling again still executes this approval.
        pending.put(key, approvalId);
        if (approvalWait.isZero()) return results.pending(call.name(), decision, approvalId);
        Approval approval = governor.awaitApproval(approvalId, approvalWait);
        if (approval.status() == ApprovalStatus.PENDING) return results.pending(call.name(), decision, approvalId);
        pending.remove(key);
        Decision executed = governor.executeApproved(approvalId, request);
        return executed.outcome() == Outcome.ALLOW ? forward(call, request, executed) : results.denied(call.name(), executed);
    }

    private McpSchema.CallToolResult forward(McpSchema.CallToolRequest call, ActionRequest request, Decision decision) {
        try {
            receipts.accept(decision.receipt(), request.action());
        } catch (Receipts.InvalidReceiptException e) {
            report(decision, OutcomeStatus.FAILED, "not carried out: the gateway refused the receipt: " + e.getMessage());
            return results.refused(call.name(), "the ALLOW's receipt did not verify (" + e.getMessage()
                    + "), so it was not carried out");
        } catch (GovernorException e) {
            return results.unavailable(call.name(), e);
        }
        McpSchema.CallToolResult result;
        try {
            result = upstream.apply(call);
        } catch (RuntimeException e) {
            report(decision, OutcomeStatus.FAILED, "the upstream call failed: " + e.getMessage());
            return results.upstreamFailed(call.name(), decision, e);
        }
        boolean failed = Boolean.TRUE.equals(result.isError());
        report(decision, failed ? OutcomeStatus.FAILED : OutcomeStatus.SUCCEEDED,
                failed ? "the upstream tool answered with an error" : "the upstream tool answered");
        return results.forwarded(result, decision);
    }

    /** A lost report must not undo a call that happened; Governor flags the gap as OUTCOME_MISSING. */
    private void report(Decision decision, OutcomeStatus status, String detail) {
        try {
            governor.reportOutcome(decision.decisionId(), status, detail);
        } catch (GovernorException e) {
            LOG.log(System.Logger.Level.WARNING, "could not report the outcome of decision "
                    + decision.decisionId() + ": " + e.getMessage());
        }
    }

    private String key(String tool, Map<String, Object> arguments) {
        try {
            return tool + " " + canonical.writeValueAsString(arguments);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            return tool + " " + arguments;
        }
    }
}
