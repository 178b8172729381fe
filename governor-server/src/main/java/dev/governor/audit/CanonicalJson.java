package dev.governor.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * Values as JSON trees and canonical text: object keys sorted at every level, no whitespace,
 * decimals kept exactly as given ({@code 40.50} stays {@code 40.50}). Audit payloads are hashed
 * as this text, so the same record always hashes alike.
 */
@ApplicationScoped
public class CanonicalJson {

    private final ObjectMapper exact;

    public CanonicalJson(ObjectMapper mapper) {
        this.exact = mapper.copy().setNodeFactory(JsonNodeFactory.withExactBigDecimals(true));
    }

    public JsonNode tree(Object value) {
        return value instanceof JsonNode node ? node : exact.valueToTree(value);
    }

    public String write(Object value) {
        try {
            return exact.writeValueAsString(sorted(tree(value)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise audit payload", e);
        }
    }

    /** Hex SHA-256 of the canonical text of {@code value}: what a {@link Binding} holds. */
    public String sha256(Object value) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(write(value).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    private static JsonNode sorted(JsonNode node) {
        if (node.isObject()) {
            List<Map.Entry<String, JsonNode>> fields = new ArrayList<>();
            node.fields().forEachRemaining(fields::add);
            fields.sort(Map.Entry.comparingByKey());
            ObjectNode out = JsonNodeFactory.instance.objectNode();
            fields.forEach(e -> out.set(e.getKey(), sorted(e.getValue())));
            return out;
        }
        if (node.isArray()) {
            var out = JsonNodeFactory.instance.arrayNode();
            node.forEach(child -> out.add(sorted(child)));
            return out;
        }
        return node;
    }
}
