package dev.governor.mcp;

import com.fasterxml.jackson.databind.JsonNode;
import dev.governor.client.GovernorClient;
import dev.governor.client.RetryPolicy;
import io.modelcontextprotocol.spec.McpSchema;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

class GatewayTest {
    private static final String APPROVAL = "9a0e0000-0000-0000-0000-000000000002";
    private static final String MAPPING = """
            agentId: files-agent
            environment: production
            approvalWait: %s
            tools:
              - { tool: read_file, action: file.read, target: "file/{path}" }
              - { tool: write_file, action: file.write, target: "file/{path}", impact: { records: 1, users: 0, monetaryValue: 0 } }
              - { tool: delete_file, action: file.delete, target: "file/{path}" }
            """;

    private static volatile boolean rejected;
    private FakeGovernor governor;
    private McpHarness harness;

    @BeforeEach
    void start() throws IOException {
        rejected = false;
        governor = new FakeGovernor();
        governor.decisions = GatewayTest::policy;
    }

    @AfterEach
    void stop() {
        if (harness != null) harness.close();
        governor.close();
    }

    private void gateway(String approvalWait) {
        mapped(MAPPING.formatted(approvalWait));
    }

    private void mapped(String mappingYaml) {
        GovernorClient client = GovernorClient.builder().baseUri(governor.uri()).agentKey("gva_k")
                .retryPolicy(RetryPolicy.none()).build();
        harness = new McpHarness(client, Mappings.parse(mappingYaml, false));
    }

    /** read: ALLOW; delete: DENY; write: REQUIRE_APPROVAL, ALLOW once executed with the approval. */
    private static FakeGovernor.Reply policy(JsonNode body) {
        String type = body.path("action").path("type").asText();
        String id = UUID.randomUUID().toString();
        if (body.hasNonNull("approvalId") && rejected) {
            return decision(id, "DENY", "[{\"code\":\"APPROVAL_REJECTED\",\"message\":\"rejected by bob\"}]", "");
        }
        if (type.equals("file.read") || body.hasNonNull("approvalId")) return decision(id, "ALLOW", "[]", "");
        if (type.equals("file.delete")) {
            return decision(id, "DENY", "[{\"code\":\"PERMISSION_NOT_GRANTED\",\"outcome\":\"DENY\","
                    + "\"message\":\"the agent holds no grant file:delete\",\"source\":\"rules/permissions.drl#grant\"}]", "");
        }
        return decision(id, "REQUIRE_APPROVAL", "[{\"code\":\"HIGH_BLAST_RADIUS\",\"message\":\"m\"}]",
                ",\"approval\":{\"id\":\"" + APPROVAL + "\",\"status\":\"PENDING\"}");
    }

    private static FakeGovernor.Reply decision(String id, String outcome, String reasons, String approval) {
        return new FakeGovernor.Reply(200, "{\"decisionId\":\"" + id + "\",\"outcome\":\"" + outcome
                + "\",\"reasons\":" + reasons + approval + ",\"futureField\":{\"x\":1}}");
    }

    @Test
    void the_upstream_tools_are_relisted() {
        gateway("PT0S");

        assertThat(harness.agent().listTools().tools()).extracting(McpSchema.Tool::name)
                .containsExactlyInAnyOrder("read_file", "write_file", "delete_file");
    }

    @Test
    void an_allowed_call_is_forwarded_and_its_outcome_reported() {
        gateway("PT0S");

        McpSchema.CallToolResult result = harness.call("read_file", Map.of("path", "a.txt"));

        assertThat(result.isError()).isNotEqualTo(Boolean.TRUE);
        assertThat(McpHarness.text(result)).isEqualTo("read_file done: a.txt");
        assertThat(McpHarness.verdict(result)).containsEntry("outcome", "ALLOW");
        assertThat(harness.upstreamCalls).hasSize(1);
        JsonNode asked = governor.to("/v1/decisions").get(0).body();
        assertThat(asked.path("agentId").asText()).isEqualTo("files-agent");
        assertThat(asked.path("action").path("target").asText()).isEqualTo("file/a.txt");
        assertThat(asked.path("reasoning").path("toolCall").path("tool").asText()).isEqualTo("read_file");
        assertThat(governor.to("/outcome")).singleElement()
                .satisfies(c -> assertThat(c.body().path("status").asText()).isEqualTo("SUCCEEDED"));
    }

    @Test
    void an_upstream_error_is_reported_failed() {
        gateway("PT0S");

        McpSchema.CallToolResult result = harness.call("read_file", Map.of("path", "fail"));

        assertThat(result.isError()).isTrue();
        assertThat(governor.to("/outcome")).singleElement()
                .satisfies(c -> assertThat(c.body().path("status").asText()).isEqualTo("FAILED"));
    }

    @Test
    void a_denied_call_is_a_tool_error_with_the_reasons_and_never_reaches_the_upstream() {
        gateway("PT0S");

        McpSchema.CallToolResult result = harness.call("delete_file", Map.of("path", "a.txt"));

        assertThat(result.isError()).isTrue();
        assertThat(McpHarness.text(result)).contains("DENY", "PERMISSION_NOT_GRANTED", "rules/permissions.drl#grant");
        assertThat(McpHarness.verdict(result)).containsEntry("outcome", "DENY");
        assertThat(harness.upstreamCalls).isEmpty();
        assertThat(governor.to("/outcome")).isEmpty();
    }

    @Test
    void an_unmapped_tool_is_refused_without_asking_governor() {
        // The upstream offers delete_file; this mapping has no rule for it.
        mapped(MAPPING.formatted("PT0S").replaceAll("(?m)^.*tool: delete_file.*$", ""));

        McpSchema.CallToolResult unmapped = harness.call("delete_file", Map.of("path", "a.txt"));
        McpSchema.CallToolResult noTarget = harness.call("read_file", Map.of());

        assertThat(unmapped.isError()).isTrue();
        assertThat(McpHarness.text(unmapped)).contains("no rule");
        assertThat(noTarget.isError()).isTrue();
        assertThat(McpHarness.text(noTarget)).contains("'path'");
        assertThat(governor.calls).isEmpty();
        assertThat(harness.upstreamCalls).isEmpty();
    }

    @Test
    void without_waiting_a_call_needing_approval_is_pending_with_its_link_and_runs_once_called_again_after_approval() {
        gateway("PT0S");

        McpSchema.CallToolResult first = harness.call("write_file", Map.of("path", "a.txt"));

        assertThat(first.isError()).isTrue();
        assertThat(McpHarness.text(first)).contains("http://governor.test/v1/approvals/" + APPROVAL);
        assertThat(McpHarness.verdict(first)).containsEntry("approvalId", APPROVAL);
        assertThat(harness.upstreamCalls).isEmpty();

        McpSchema.CallToolResult second = harness.call("write_file", Map.of("path", "a.txt"));

        assertThat(second.isError()).isNotEqualTo(Boolean.TRUE);
        assertThat(harness.upstreamCalls).hasSize(1);
        assertThat(governor.to("/v1/decisions").get(1).body().path("approvalId").asText()).isEqualTo(APPROVAL);
    }

    @Test
    void with_waiting_the_call_waits_for_the_approval_then_executes_the_approved_action() {
        AtomicInteger polls = new AtomicInteger();
        governor.approvals = path -> new FakeGovernor.Reply(200, "{\"id\":\"" + APPROVAL + "\",\"status\":\""
                + (polls.incrementAndGet() < 2 ? "PENDING" : "APPROVED") + "\"}");
        gateway("PT5M");

        McpSchema.CallToolResult result = harness.call("write_file", Map.of("path", "a.txt"));

        assertThat(result.isError()).isNotEqualTo(Boolean.TRUE);
        assertThat(polls).hasValue(2);
        assertThat(governor.to("/v1/approvals/" + APPROVAL + "?waitSeconds=")).hasSize(2);
        assertThat(governor.to("/v1/decisions").get(1).body().path("approvalId").asText()).isEqualTo(APPROVAL);
        assertThat(harness.upstreamCalls).singleElement().satisfies(c -> assertThat(c.name()).isEqualTo("write_file"));
    }

    @Test
    void an_allow_whose_receipt_is_missing_forged_or_for_another_action_is_not_forwarded() {
        gateway("PT0S");
        for (FakeGovernor.Receipting bad : new FakeGovernor.Receipting[]{FakeGovernor.Receipting.NONE,
                FakeGovernor.Receipting.FORGED, FakeGovernor.Receipting.OTHER_ACTION}) {
            governor.receipts = bad;

            McpSchema.CallToolResult result = harness.call("read_file", Map.of("path", "a.txt"));

            assertThat(result.isError()).as(bad.name()).isTrue();
            assertThat(McpHarness.text(result)).as(bad.name()).contains("receipt did not verify");
        }
        assertThat(harness.upstreamCalls).isEmpty();
        assertThat(governor.to("/outcome")).hasSize(3)
                .allSatisfy(c -> assertThat(c.body().path("status").asText()).isEqualTo("FAILED"));
        assertThat(governor.to("/v1/keys")).as("fetched once: a made-up key id does not refetch at once").hasSize(1);

        governor.receipts = FakeGovernor.Receipting.GENUINE;
        assertThat(harness.call("read_file", Map.of("path", "a.txt")).isError()).isNotEqualTo(Boolean.TRUE);
        assertThat(harness.upstreamCalls).hasSize(1);
    }

    @Test
    void governor_unavailable_leaves_the_call_undone() {
        governor.decisions = body -> new FakeGovernor.Reply(503,
                "{\"type\":\"urn:governor:problem:service-unavailable\",\"status\":503,\"detail\":\"db down\"}");
        gateway("PT0S");

        McpSchema.CallToolResult result = harness.call("read_file", Map.of("path", "a.txt"));

        assertThat(result.isError()).isTrue();
        assertThat(McpHarness.verdict(result)).containsEntry("outcome", "UNAVAILABLE");
        assertThat(harness.upstreamCalls).isEmpty();
    }

    @Test
    void a_rejection_while_waiting_is_a_tool_error_with_governors_reason() {
        rejected = true;
        governor.approvals = path -> new FakeGovernor.Reply(200, "{\"id\":\"" + APPROVAL + "\",\"status\":\"REJECTED\"}");
        gateway("PT5M");

        McpSchema.CallToolResult result = harness.call("write_file", Map.of("path", "a.txt"));

        assertThat(result.isError()).isTrue();
        assertThat(McpHarness.text(result)).contains("APPROVAL_REJECTED", "rejected by bob");
        assertThat(harness.upstreamCalls).isEmpty();
        assertThat(governor.to("/outcome")).isEmpty();
    }
}
