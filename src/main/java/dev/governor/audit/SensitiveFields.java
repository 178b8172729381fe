package dev.governor.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.governor.GovernorConfig;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Replaces the values at {@code governor.audit.sensitive-fields} with {@code hmac-sha256:<hex>}
 * before a decision is stored or audited. A string is hashed as its UTF-8 text, any other JSON
 * value as its canonical JSON; an auditor who knows a value can compute the same hash
 * ({@code POST /v1/audit/hash}) and search the log for it, while the log never holds the value.
 * Checked at start-up: a listed field without a key stops Governor from starting.
 */
@Startup
@ApplicationScoped
public class SensitiveFields {

    public static final String PREFIX = "hmac-sha256:";
    private static final Pattern SEGMENT = Pattern.compile("^[A-Za-z0-9_]+(\\[])?$");

    private final List<String[]> paths;
    private final SecretKeySpec key;
    private final CanonicalJson json;

    public SensitiveFields(GovernorConfig config, CanonicalJson json) {
        this.json = json;
        List<String> listed = config.audit().sensitiveFields().orElse(List.of()).stream()
                .map(String::trim).filter(p -> !p.isEmpty()).toList();
        for (String path : listed) {
            for (String segment : path.split("\\.", -1)) {
                if (!SEGMENT.matcher(segment).matches()) {
                    throw new IllegalStateException("governor.audit.sensitive-fields: '" + path
                            + "' is not a path like reasoning.prompt or inputs[].value");
                }
            }
        }
        String secret = config.audit().hmacKey().orElse("");
        if (!listed.isEmpty() && secret.length() < 32) {
            throw new IllegalStateException("governor.audit.sensitive-fields is set, so governor.audit.hmac-key "
                    + "must be set too (at least 32 characters, e.g. from GOVERNOR_AUDIT_HMAC_KEY)");
        }
        this.paths = listed.stream().map(p -> p.split("\\.")).toList();
        this.key = secret.isEmpty() ? null : new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
    }

    /** A copy of {@code root} with every listed path hashed; {@code root} itself when none is listed. */
    public JsonNode redact(JsonNode root) {
        if (paths.isEmpty() || root == null) {
            return root;
        }
        JsonNode copy = root.deepCopy();
        for (String[] path : paths) {
            redact(copy, path, 0);
        }
        return copy;
    }

    /** The keyed hash Governor stores for {@code value}; empty when no key is configured. */
    public Optional<String> hash(JsonNode value) {
        if (key == null) {
            return Optional.empty();
        }
        String text = value.isTextual() ? value.textValue() : json.write(value);
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return Optional.of(PREFIX + HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8))));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    private void redact(JsonNode node, String[] path, int depth) {
        if (!(node instanceof ObjectNode object)) {
            return;
        }
        String segment = path[depth];
        boolean each = segment.endsWith("[]");
        String name = each ? segment.substring(0, segment.length() - 2) : segment;
        JsonNode child = object.get(name);
        if (child == null || child.isNull()) {
            return;
        }
        boolean last = depth == path.length - 1;
        if (each) {
            if (child instanceof ArrayNode array) {
                for (int i = 0; i < array.size(); i++) {
                    if (last) {
                        array.set(i, hashed(array.get(i)));
                    } else {
                        redact(array.get(i), path, depth + 1);
                    }
                }
            }
        } else if (last) {
            object.set(name, hashed(child));
        } else {
            redact(child, path, depth + 1);
        }
    }

    private JsonNode hashed(JsonNode value) {
        return value.isNull() ? value : TextNode.valueOf(hash(value).orElseThrow());
    }
}
