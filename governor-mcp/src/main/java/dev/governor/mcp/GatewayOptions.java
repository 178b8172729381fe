package dev.governor.mcp;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The gateway's command line, each option with an environment variable as fallback. The upstream
 * is either {@code --upstream-url} (streamable HTTP) or the command after {@code --} (stdio).
 */
public record GatewayOptions(String governorUrl, String agentKey, Path mapping, Duration approvalWait,
                             String upstreamUrl, List<String> upstreamCommand) {

    public static final String USAGE = """
            usage: java -jar governor-mcp-all.jar [--governor URL] [--agent-key KEY] --mapping FILE
                   [--approval-wait PT2M] (--upstream-url URL | -- COMMAND [ARGS...])
              --governor        Governor's base URL (GOVERNOR_URL, default http://localhost:8080)
              --agent-key       the agent's key (GOVERNOR_AGENT_KEY)
              --mapping         the mapping file, YAML or .json (GOVERNOR_MCP_MAPPING)
              --approval-wait   overrides the file's approvalWait (GOVERNOR_MCP_APPROVAL_WAIT)
              --upstream-url    an upstream MCP server over streamable HTTP (GOVERNOR_MCP_UPSTREAM_URL)
              -- COMMAND        an upstream MCP server started as a child process, spoken to over stdio""";

    public static GatewayOptions parse(String[] args, Map<String, String> env) {
        String governor = env.getOrDefault("GOVERNOR_URL", "http://localhost:8080");
        String key = env.get("GOVERNOR_AGENT_KEY");
        String mapping = env.get("GOVERNOR_MCP_MAPPING");
        String wait = env.get("GOVERNOR_MCP_APPROVAL_WAIT");
        String url = env.get("GOVERNOR_MCP_UPSTREAM_URL");
        List<String> command = List.of();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("--")) {
                command = Arrays.asList(args).subList(i + 1, args.length);
                break;
            }
            if (i + 1 >= args.length) throw new IllegalArgumentException(arg + " needs a value\n" + USAGE);
            String value = args[++i];
            switch (arg) {
                case "--governor" -> governor = value;
                case "--agent-key" -> key = value;
                case "--mapping" -> mapping = value;
                case "--approval-wait" -> wait = value;
                case "--upstream-url" -> url = value;
                default -> throw new IllegalArgumentException("unknown option " + arg + "\n" + USAGE);
            }
        }
        if (key == null || key.isBlank()) throw new IllegalArgumentException("no agent key\n" + USAGE);
        if (mapping == null) throw new IllegalArgumentException("no mapping file\n" + USAGE);
        if ((url == null) == command.isEmpty()) {
            throw new IllegalArgumentException("name exactly one upstream: --upstream-url or -- COMMAND\n" + USAGE);
        }
        return new GatewayOptions(governor, key, Path.of(mapping), wait == null ? null : Duration.parse(wait), url,
                List.copyOf(command));
    }
}
