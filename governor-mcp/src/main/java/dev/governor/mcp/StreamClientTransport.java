package dev.governor.mcp;

import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.json.TypeRef;
import io.modelcontextprotocol.spec.McpClientTransport;
import io.modelcontextprotocol.spec.McpSchema;
import reactor.core.publisher.Mono;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.function.Function;

/**
 * An MCP client transport over a pair of streams, one JSON-RPC message per line (the stdio
 * framing). The SDK's own stdio transport starts the server process itself; this one talks to a
 * server that already runs: a process started elsewhere, a socket, or one in the same JVM.
 */
public final class StreamClientTransport implements McpClientTransport {
    private static final System.Logger LOG = System.getLogger(StreamClientTransport.class.getName());

    private final McpJsonMapper json;
    private final InputStream in;
    private final OutputStream out;
    private volatile boolean closing;

    public StreamClientTransport(McpJsonMapper json, InputStream in, OutputStream out) {
        this.json = json;
        this.in = in;
        this.out = out;
    }

    @Override
    public Mono<Void> connect(Function<Mono<McpSchema.JSONRPCMessage>, Mono<McpSchema.JSONRPCMessage>> handler) {
        return Mono.fromRunnable(() -> {
            Thread reader = new Thread(() -> read(handler), "mcp-stream-reader");
            reader.setDaemon(true);
            reader.start();
        });
    }

    private void read(Function<Mono<McpSchema.JSONRPCMessage>, Mono<McpSchema.JSONRPCMessage>> handler) {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = lines.readLine()) != null) {
                if (line.isBlank()) continue;
                handler.apply(Mono.just(McpSchema.deserializeJsonRpcMessage(json, line))).subscribe();
            }
        } catch (IOException e) {
            if (!closing) LOG.log(System.Logger.Level.WARNING, "MCP stream closed: " + e.getMessage());
        }
    }

    @Override
    public Mono<Void> sendMessage(McpSchema.JSONRPCMessage message) {
        return Mono.fromRunnable(() -> {
            try {
                byte[] line = (json.writeValueAsString(message) + "\n").getBytes(StandardCharsets.UTF_8);
                synchronized (out) {
                    out.write(line);
                    out.flush();
                }
            } catch (IOException e) {
                throw new IllegalStateException("cannot send an MCP message: " + e.getMessage(), e);
            }
        });
    }

    @Override
    public Mono<Void> closeGracefully() {
        return Mono.fromRunnable(() -> {
            closing = true;
            try {
                out.close();
                in.close();
            } catch (IOException e) {
                LOG.log(System.Logger.Level.DEBUG, "closing the MCP stream: " + e.getMessage());
            }
        });
    }

    @Override
    public <T> T unmarshalFrom(Object data, TypeRef<T> type) {
        return json.convertValue(data, type);
    }
}
