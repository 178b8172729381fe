package dev.governor.client;

import dev.governor.mcp.McpHarness;
import dev.governor.mcp.Mappings;
import dev.governor.testing.RegisteredAgent;
import dev.governor.testing.TestUser;
import io.modelcontextprotocol.spec.McpSchema;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import static dev.governor.Api.approve;
import static dev.governor.Api.approver;
import static dev.governor.Api.registerAgent;
import static dev.governor.testing.TestAuth.as;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The MCP gateway end to end: an SDK client as the agent, the gateway asking this Governor, and a
 * stub upstream MCP server with read_file, write_file and delete_file behind it.
 */
@QuarkusTest
class McpGatewayEndToEndTest {
    private static final String MAPPING = """
            agentId: %s
            environment: production
            approvalWait: %s
            tools:
              - tool: read_file
                action: file.read
                target: "file/{path}"
                impact: { records: 0, users: 0, monetaryValue: 0 }
              - tool: write_file
                action: file.write
                target: "file/{path}"
                impact: { records: 600, users: 2000, monetaryValue: 50000 }
                rollbackPlan: "restore {path} from the nightly backup"
              - tool: delete_file
                action: file.delete
                target: "file/{path}"
                impact: { records: 1, users: 0, monetaryValue: 0 }
            """;

    @TestHTTPResource("/")
    String base;

    private McpHarness harness;

    @AfterEach
    void close() {
        if (harness != null) harness.close();
    }

    private RegisteredAgent gateway() {
        return gateway("PT0S");
    }

    private RegisteredAgent gateway(String approvalWait) {
        RegisteredAgent agent = registerAgent("AUTONOMOUS", List.of("production"), List.of("file:read", "file:write"));
        GovernorClient governor = GovernorClient.builder().baseUri(base).agentKey(agent.apiKey())
                .retryPolicy(RetryPolicy.none()).build();
        harness = new McpHarness(governor, Mappings.parse(MAPPING.formatted(agent.id(), approvalWait), false));
        return agent;
    }

    @Test
    void a_read_is_forwarded_and_a_delete_is_denied_with_governors_reasons() {
        gateway();

        McpSchema.CallToolResult read = harness.call("read_file", Map.of("path", "notes.txt"));
        McpSchema.CallToolResult delete = harness.call("delete_file", Map.of("path", "notes.txt"));

        assertThat(read.isError()).isNotEqualTo(Boolean.TRUE);
        assertThat(McpHarness.text(read)).isEqualTo("read_file done: notes.txt");
        assertThat(McpHarness.verdict(read)).containsEntry("outcome", "ALLOW");
        assertThat(delete.isError()).isTrue();
        assertThat(McpHarness.text(delete)).contains("DENY", "PERMISSION_NOT_GRANTED", "rules/permissions.drl");
        assertThat(harness.upstreamCalls).extracting(McpSchema.CallToolRequest::name).containsExactly("read_file");
    }

    @Test
    void a_write_needing_approval_is_pending_with_its_link_then_runs_once_approved() {
        gateway();
        TestUser bob = approver("mcp-it-approver@example.com");

        McpSchema.CallToolResult pending = harness.call("write_file", Map.of("path", "prices.csv"));

        assertThat(pending.isError()).isTrue();
        String approvalId = (String) McpHarness.verdict(pending).get("approvalId");
        assertThat(McpHarness.verdict(pending)).containsEntry("outcome", "REQUIRE_APPROVAL");
        assertThat(McpHarness.text(pending)).contains("/v1/approvals/" + approvalId);
        assertThat(harness.upstreamCalls).isEmpty();

        approve(approvalId, bob).statusCode(200);
        McpSchema.CallToolResult done = harness.call("write_file", Map.of("path", "prices.csv"));

        assertThat(done.isError()).as(McpHarness.text(done)).isNotEqualTo(Boolean.TRUE);
        assertThat(McpHarness.verdict(done)).containsEntry("outcome", "ALLOW");
        assertThat(harness.upstreamCalls).extracting(McpSchema.CallToolRequest::name).containsExactly("write_file");
    }

    @Test
    void a_waiting_write_runs_as_soon_as_a_human_approves_it() throws Exception {
        RegisteredAgent agent = gateway("PT50S");
        TestUser bob = approver("mcp-it-approver@example.com");

        CompletableFuture<McpSchema.CallToolResult> call = CompletableFuture.supplyAsync(
                () -> harness.call("write_file", Map.of("path", "prices.csv")));
        approve(pendingApprovalOf(agent, bob), bob).statusCode(200);
        McpSchema.CallToolResult done = call.get();

        assertThat(done.isError()).as(McpHarness.text(done)).isNotEqualTo(Boolean.TRUE);
        assertThat(McpHarness.verdict(done)).containsEntry("outcome", "ALLOW");
        assertThat(harness.upstreamCalls).extracting(McpSchema.CallToolRequest::name).containsExactly("write_file");
    }

    /** The approval the gateway's call opened, once it exists (the call runs on another thread). */
    private static String pendingApprovalOf(RegisteredAgent agent, TestUser approver) throws InterruptedException {
        for (int attempt = 0; attempt < 200; attempt++) {
            List<String> ids = as(approver).get("/v1/approvals?status=PENDING&size=500").then().statusCode(200)
                    .extract().jsonPath().getList("findAll { it.agentId == '" + agent.id() + "' }.id");
            if (!ids.isEmpty()) return ids.get(0);
            Thread.sleep(50);
        }
        throw new AssertionError("the gateway's call opened no approval");
    }
}
