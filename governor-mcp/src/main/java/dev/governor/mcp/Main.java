package dev.governor.mcp;

import dev.governor.client.GovernorClient;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.client.transport.ServerParameters;
import io.modelcontextprotocol.client.transport.StdioClientTransport;
import io.modelcontextprotocol.json.McpJsonDefaults;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.server.McpSyncServer;
import io.modelcontextprotocol.server.transport.StdioServerTransportProvider;
import io.modelcontextprotocol.spec.McpClientTransport;

import java.net.URI;
import java.time.Duration;
import java.util.UUID;

/**
 * Runs the gateway on stdio (an agent framework starts it as its MCP server) until its standard
 * input ends. Logs go to stderr; stdout carries only MCP messages.
 */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) throws InterruptedException {
        GatewayOptions options;
        MappingFile mapping;
        try {
            options = GatewayOptions.parse(args, System.getenv());
            mapping = Mappings.read(options.mapping());
        } catch (IllegalArgumentException | MappingException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        if (options.approvalWait() != null) {
            mapping = new MappingFile(mapping.agentId(), mapping.sessionId(), mapping.environment(),
                    options.approvalWait(), mapping.approvalLink(), mapping.tools());
        }
        McpJsonMapper json = McpJsonDefaults.getMapper();
        GovernorClient governor = GovernorClient.builder().baseUri(options.governorUrl()).agentKey(options.agentKey())
                .build();
        Upstream upstream = new Upstream(McpClient.sync(upstreamTransport(options, json))
                .requestTimeout(Duration.ofMinutes(5)).build());
        Gateway gateway = new Gateway(governor, mapping, "mcp-" + UUID.randomUUID(),
                options.governorUrl().replaceAll("/+$", "") + "/v1/approvals/{approvalId}", upstream::call);
        EndOfInput stdin = new EndOfInput(System.in);
        McpSyncServer server = GatewayServer.start(new StdioServerTransportProvider(json, stdin, System.out),
                upstream.tools(), gateway);
        stdin.await();
        server.closeGracefully();
        upstream.close();
        System.exit(0);
    }

    private static McpClientTransport upstreamTransport(GatewayOptions options, McpJsonMapper json) {
        if (options.upstreamUrl() != null) {
            // The SDK takes the server's base and its endpoint apart ("/mcp" unless told).
            URI url = URI.create(options.upstreamUrl());
            String endpoint = url.getRawPath() == null || url.getRawPath().isEmpty() ? "/mcp" : url.getRawPath();
            return HttpClientStreamableHttpTransport.builder(url.getScheme() + "://" + url.getRawAuthority())
                    .endpoint(endpoint).jsonMapper(json).build();
        }
        ServerParameters command = ServerParameters.builder(options.upstreamCommand().get(0))
                .args(options.upstreamCommand().subList(1, options.upstreamCommand().size())).build();
        return new StdioClientTransport(command, json);
    }
}
