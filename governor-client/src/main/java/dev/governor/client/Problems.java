package dev.governor.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Reads a problem+json body, keeping every member beyond RFC 9457's own as an extension. */
final class Problems {
    private static final Set<String> STANDARD = Set.of("type", "title", "status", "detail", "instance", "violations");

    private Problems() {
    }

    static Problem parse(JsonNode node, ObjectMapper json) {
        List<Problem.Violation> violations = new ArrayList<>();
        for (JsonNode v : node.path("violations")) {
            violations.add(new Problem.Violation(text(v, "field"), text(v, "message")));
        }
        Map<String, Object> extensions = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> member = it.next();
            if (!STANDARD.contains(member.getKey())) {
                extensions.put(member.getKey(), json.convertValue(member.getValue(), Object.class));
            }
        }
        return new Problem(text(node, "type"), text(node, "title"), node.path("status").asInt(0),
                text(node, "detail"), violations, extensions);
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }
}
