package dev.governor.mcp;

import dev.governor.client.GovernorClient;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.json.McpJsonDefaults;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.McpServerFeatures;
import io.modelcontextprotocol.server.McpSyncServer;
import io.modelcontextprotocol.server.transport.StdioServerTransportProvider;
import io.modelcontextprotocol.spec.McpSchema;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The whole chain in one JVM: a stub upstream MCP server with the tools read_file, write_file and
 * delete_file (SDK server), the gateway in front of it, and an SDK client as the agent. Each hop
 * is a loopback socket carrying the stdio framing. Shared with the server module's integration tests.
 */
public final class McpHarness implements AutoCloseable {
    private static final McpJsonMapper JSON = McpJsonDefaults.getMapper();

    /** What the upstream received: proof that a refused call never reached it. */
    public final List<McpSchema.CallToolRequest> upstreamCalls = new CopyOnWriteArrayList<>();
    private final List<AutoCloseable> opened = new ArrayList<>();
    private final McpSyncClient agent;

    public McpHarness(GovernorClient governor, MappingFile mapping) {
        Socket[] upstreamPipe = pipe();
        McpSyncServer upstreamServer = McpServer.sync(
                        new StdioServerTransportProvider(JSON, in(upstreamPipe[1]), out(upstreamPipe[1])))
                .serverInfo("stub-files", "1")
                .capabilities(McpSchema.ServerCapabilities.builder().tools(false).build())
                .tools(tool("read_file"), tool("write_file"), tool("delete_file"))
                .build();
        opened.add(upstreamServer::close);
        Upstream upstream = new Upstream(McpClient.sync(
                new StreamClientTransport(JSON, in(upstreamPipe[0]), out(upstreamPipe[0]))).build());
        opened.add(upstream);

        Gateway gateway = new Gateway(governor, mapping, "mcp-test", "http://governor.test/v1/approvals/{approvalId}",
                upstream::call);
        Socket[] agentPipe = pipe();
        McpSyncServer gatewayServer = GatewayServer.start(
                new StdioServerTransportProvider(JSON, in(agentPipe[1]), out(agentPipe[1])), upstream.tools(), gateway);
        opened.add(gatewayServer::close);
        agent = McpClient.sync(new StreamClientTransport(JSON, in(agentPipe[0]), out(agentPipe[0])))
                .requestTimeout(Duration.ofSeconds(60)).build();
        agent.initialize();
        opened.add(agent::closeGracefully);
    }

    public McpSyncClient agent() {
        return agent;
    }

    public McpSchema.CallToolResult call(String tool, Map<String, Object> arguments) {
        return agent.callTool(new McpSchema.CallToolRequest(tool, arguments));
    }

    /** The text of a result's first content item. */
    public static String text(McpSchema.CallToolResult result) {
        return ((McpSchema.TextContent) result.content().get(0)).text();
    }

    @SuppressWarnings("unchecked")
    public static Map<String, Object> verdict(McpSchema.CallToolResult result) {
        return (Map<String, Object>) result.meta().get(ToolResults.META);
    }

    private McpServerFeatures.SyncToolSpecification tool(String name) {
        McpSchema.Tool tool = McpSchema.Tool.builder().name(name).description("stub " + name)
                .inputSchema(Map.of("type", "object", "properties", Map.of("path", Map.of("type", "string"))))
                .build();
        return McpServerFeatures.SyncToolSpecification.builder().tool(tool).callHandler((exchange, call) -> {
            upstreamCalls.add(call);
            boolean fail = "fail".equals(call.arguments().get("path"));
            return McpSchema.CallToolResult.builder().addTextContent(name + " done: " + call.arguments().get("path"))
                    .isError(fail).build();
        }).build();
    }

    private Socket[] pipe() {
        try (ServerSocket listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Socket client = new Socket(InetAddress.getLoopbackAddress(), listener.getLocalPort());
            Socket server = listener.accept();
            opened.add(client);
            opened.add(server);
            return new Socket[] {client, server};
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static java.io.InputStream in(Socket socket) {
        try {
            return socket.getInputStream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static java.io.OutputStream out(Socket socket) {
        try {
            return socket.getOutputStream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        for (int i = opened.size() - 1; i >= 0; i--) {
            try {
                opened.get(i).close();
            } catch (Exception e) {
                // closing a chain whose far end is already gone
            }
        }
    }
}
