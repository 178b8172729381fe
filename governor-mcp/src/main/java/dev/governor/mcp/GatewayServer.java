package dev.governor.mcp;

import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.McpServerFeatures;
import io.modelcontextprotocol.server.McpSyncServer;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpServerTransportProvider;

import java.util.List;

/** The MCP server agents talk to: the upstream's tools, relisted as they are, each call governed. */
public final class GatewayServer {
    public static final String NAME = "governor-mcp";
    public static final String VERSION = "0.1.0";

    private GatewayServer() {
    }

    public static McpSyncServer start(McpServerTransportProvider transport, List<McpSchema.Tool> tools, Gateway gateway) {
        List<McpServerFeatures.SyncToolSpecification> specs = tools.stream()
                .map(tool -> McpServerFeatures.SyncToolSpecification.builder()
                        .tool(tool)
                        .callHandler((exchange, call) -> gateway.call(call))
                        .build())
                .toList();
        return McpServer.sync(transport)
                .serverInfo(NAME, VERSION)
                .instructions("Every tool call is checked by Governor before it reaches the real server. "
                        + "A refused call comes back as a tool error with Governor's reasons; a call that needs "
                        + "a person's approval says so, with a link, and may be called again once approved.")
                .capabilities(McpSchema.ServerCapabilities.builder().tools(false).build())
                // The upstream already accepted these names; relist them exactly.
                .strictToolNameValidation(false)
                .tools(specs)
                .build();
    }
}
