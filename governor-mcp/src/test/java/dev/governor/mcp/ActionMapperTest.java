package dev.governor.mcp;

import dev.governor.client.ActionRequest;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ActionMapperTest {
    private static final String YAML = """
            agentId: files-agent
            environment: production
            tools:
              - tool: delete_file
                when: { path: "tmp/*" }
                action: file.delete
                environment: sandbox
                target: "file/{path}"
                impact: { records: 1, users: 0, monetaryValue: 0 }
              - tool: delete_file
                action: file.delete
                target: "file/{path}"
                impact: { records: "count({paths})", users: "{audience}" }
                rollbackPlan: "restore {path} from backup"
              - tool: read_file
                action: file.read
                target: "file/{path}"
            """;

    private final ActionMapper mapper = new ActionMapper(Mappings.parse(YAML, false));

    @Test
    void the_first_matching_rule_wins_and_argument_patterns_narrow_it() {
        ActionRequest.Action scratch = mapper.map("delete_file", Map.of("path", "tmp/a.txt")).orElseThrow();
        ActionRequest.Action real = mapper.map("delete_file", Map.of("path", "srv/a.txt")).orElseThrow();

        assertThat(scratch.environment()).isEqualTo("sandbox");
        assertThat(scratch.impact()).isEqualTo(new ActionRequest.Impact(1L, 0L, BigDecimal.ZERO));
        assertThat(real.environment()).isEqualTo("production");
        assertThat(real.target()).isEqualTo("file/srv/a.txt");
        assertThat(real.rollbackPlan()).isEqualTo("restore srv/a.txt from backup");
    }

    @Test
    void figures_come_from_arguments_and_what_the_call_does_not_say_stays_unknown() {
        ActionRequest.Action counted = mapper.map("delete_file",
                Map.of("path", "srv/x", "paths", List.of("a", "b", "c"), "audience", 40)).orElseThrow();
        ActionRequest.Action silent = mapper.map("delete_file", Map.of("path", "srv/x")).orElseThrow();

        assertThat(counted.impact()).isEqualTo(new ActionRequest.Impact(3L, 40L, null));
        assertThat(silent.impact()).isEqualTo(new ActionRequest.Impact(null, null, null));
        assertThat(mapper.map("read_file", Map.of("path", "a")).orElseThrow().impact()).isNull();
    }

    @Test
    void an_unmapped_tool_maps_to_nothing_and_a_missing_target_argument_is_refused() {
        assertThat(mapper.map("format_disk", Map.of())).isEmpty();
        assertThatThrownBy(() -> mapper.map("read_file", Map.of())).isInstanceOf(MappingException.class)
                .hasMessageContaining("'path'");
    }

    @Test
    void a_mapping_file_with_a_misspelt_key_or_no_environment_is_refused_at_load() {
        assertThatThrownBy(() -> Mappings.parse("agentId: a\nenvironment: x\ntools:\n  - tool: t\n    action: f.x\n    wen: {}\n", false))
                .isInstanceOf(MappingException.class).hasMessageContaining("wen");
        assertThatThrownBy(() -> Mappings.parse("{\"agentId\":\"a\",\"tools\":[{\"tool\":\"t\",\"action\":\"delete\"}]}", true))
                .isInstanceOf(MappingException.class)
                .hasMessageContaining("tools[0].action").hasMessageContaining("tools[0].environment");
    }
}
