package dev.governor.mcp;

import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.spec.McpSchema;

import java.util.ArrayList;
import java.util.List;

/** The MCP server the gateway stands in front of, reached through an SDK client. */
public final class Upstream implements AutoCloseable {
    private final McpSyncClient client;

    /** @param client connected but not yet initialised; the gateway initialises it */
    public Upstream(McpSyncClient client) {
        this.client = client;
        client.initialize();
    }

    /** Every tool, following the cursor through all pages. */
    public List<McpSchema.Tool> tools() {
        List<McpSchema.Tool> all = new ArrayList<>();
        String cursor = null;
        do {
            McpSchema.ListToolsResult page = cursor == null ? client.listTools() : client.listTools(cursor);
            all.addAll(page.tools());
            cursor = page.nextCursor();
        } while (cursor != null && !cursor.isEmpty());
        return all;
    }

    public McpSchema.CallToolResult call(McpSchema.CallToolRequest request) {
        return client.callTool(request);
    }

    @Override
    public void close() {
        client.closeGracefully();
    }
}
