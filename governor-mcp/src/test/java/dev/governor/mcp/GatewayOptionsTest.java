package dev.governor.mcp;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class GatewayOptionsTest {

    @Test
    void arguments_win_over_the_environment_and_the_command_after_the_double_dash_is_the_upstream() {
        GatewayOptions options = GatewayOptions.parse(
                new String[] {"--mapping", "files.yaml", "--approval-wait", "PT2M", "--", "npx", "-y", "server", "/srv"},
                Map.of("GOVERNOR_AGENT_KEY", "gvk_env", "GOVERNOR_URL", "http://gov:8080", "GOVERNOR_MCP_MAPPING", "x.yaml"));

        assertThat(options.governorUrl()).isEqualTo("http://gov:8080");
        assertThat(options.agentKey()).isEqualTo("gvk_env");
        assertThat(options.mapping()).isEqualTo(Path.of("files.yaml"));
        assertThat(options.approvalWait()).isEqualTo(Duration.ofMinutes(2));
        assertThat(options.upstreamCommand()).containsExactly("npx", "-y", "server", "/srv");
        assertThat(options.upstreamUrl()).isNull();
    }

    @Test
    void no_key_no_upstream_or_two_upstreams_are_refused_with_the_usage() {
        Map<String, String> env = Map.of("GOVERNOR_AGENT_KEY", "gvk_k", "GOVERNOR_MCP_MAPPING", "m.yaml");

        assertThatThrownBy(() -> GatewayOptions.parse(new String[] {"--", "x"}, Map.of("GOVERNOR_MCP_MAPPING", "m")))
                .hasMessageContaining("no agent key").hasMessageContaining("usage:");
        assertThatThrownBy(() -> GatewayOptions.parse(new String[0], env)).hasMessageContaining("exactly one upstream");
        assertThatThrownBy(() -> GatewayOptions.parse(new String[] {"--upstream-url", "http://u/mcp", "--", "x"}, env))
                .hasMessageContaining("exactly one upstream");
        assertThat(GatewayOptions.parse(new String[] {"--upstream-url", "http://u/mcp"}, env).upstreamCommand())
                .isEqualTo(List.of());
    }
}
