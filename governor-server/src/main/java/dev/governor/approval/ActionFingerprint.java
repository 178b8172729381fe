package dev.governor.approval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;

/**
 * The canonical hash that binds an approval to one exact action. The action is written as
 * JSON with object keys sorted, nulls dropped and numbers normalised ({@code 40}, {@code 40.0}
 * and {@code 4E1} are the same number), then hashed with SHA-256. JSON's own quoting keeps
 * different values from colliding the way plain concatenation could.
 */
public final class ActionFingerprint {

    private static final JsonNodeFactory EXACT = JsonNodeFactory.withExactBigDecimals(true);

    private ActionFingerprint() {
    }

    public static String of(ObjectMapper mapper, Object action) {
        JsonNode canonical = canonical(mapper.valueToTree(action));
        try {
            byte[] bytes = mapper.writeValueAsBytes(canonical);
            return "sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException | com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("cannot fingerprint action", e);
        }
    }

    static JsonNode canonical(JsonNode node) {
        if (node.isObject()) {
            Map<String, JsonNode> sorted = new TreeMap<>();
            node.fields().forEachRemaining(e -> {
                if (!e.getValue().isNull()) {
                    sorted.put(e.getKey(), canonical(e.getValue()));
                }
            });
            ObjectNode out = JsonNodeFactory.instance.objectNode();
            sorted.forEach(out::set);
            return out;
        }
        if (node.isArray()) {
            var out = JsonNodeFactory.instance.arrayNode();
            node.forEach(child -> out.add(canonical(child)));
            return out;
        }
        if (node.isNumber()) {
            return EXACT.numberNode(node.decimalValue().stripTrailingZeros());
        }
        return node;
    }
}
