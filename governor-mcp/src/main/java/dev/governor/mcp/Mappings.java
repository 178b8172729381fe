package dev.governor.mcp;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** Reads and checks a mapping file (YAML, or JSON by its {@code .json} name). */
public final class Mappings {
    private static final Pattern ACTION_TYPE = Pattern.compile("^[a-z0-9_-]+(\\.[a-z0-9_-]+)+$");

    private Mappings() {
    }

    public static MappingFile read(Path file) {
        try {
            return check(parse(Files.readString(file), file.toString().endsWith(".json")));
        } catch (IOException e) {
            throw new MappingException("cannot read the mapping file " + file + ": " + e.getMessage(), e);
        }
    }

    public static MappingFile parse(String text, boolean json) {
        // Unknown keys fail: a misspelt "when" must not silently widen a rule.
        ObjectMapper mapper = (json ? new ObjectMapper() : new ObjectMapper(new YAMLFactory()))
                .registerModule(new JavaTimeModule())
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        try {
            return check(mapper.readValue(text, MappingFile.class));
        } catch (IOException e) {
            throw new MappingException("the mapping file is not valid: " + e.getMessage(), e);
        }
    }

    static MappingFile check(MappingFile file) {
        List<String> problems = new ArrayList<>();
        if (file.agentId() == null || file.agentId().isBlank()) problems.add("agentId is missing");
        if (file.approvalWait().isNegative()) problems.add("approvalWait is negative");
        for (int i = 0; i < file.tools().size(); i++) {
            MappingFile.Rule rule = file.tools().get(i);
            String where = "tools[" + i + "]";
            if (rule.tool() == null || rule.tool().isBlank()) problems.add(where + ".tool is missing");
            if (rule.action() == null || !ACTION_TYPE.matcher(rule.action()).matches()) {
                problems.add(where + ".action must be <resource>.<verb>, e.g. file.delete");
            }
            if (rule.environment() == null && file.environment() == null) {
                problems.add(where + ".environment is missing and the file names no default environment");
            }
        }
        if (!problems.isEmpty()) throw new MappingException("the mapping file is not valid: " + String.join("; ", problems));
        return file;
    }
}
