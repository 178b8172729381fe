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
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
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

    /** Request fields Governor stores in columns of their own or computes with. */
    private static final Set<String> IN_CLEAR = Set.of("agentId", "sessionId", "approvalId", "planId", "stepIndex",
            "action.type", "action.environment", "action.impact", "inputs.observedAt");
    /** Objects that hold such fields: mask the fields inside them instead. */
    private static final Set<String> WHOLE = Set.of("action", "inputs", "steps");

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
        for (String path : listed) {
            String head = path.replace("[]", "");
            if (WHOLE.contains(head) || IN_CLEAR.stream().anyMatch(c -> head.equals(c) || head.startsWith(c + "."))) {
                throw new IllegalStateException("governor.audit.sensitive-fields: '" + path + "' cannot be masked: "
                        + "Governor keeps it in clear to work (columns, budgets, approvals, plans). Mask the free "
                        + "text instead, e.g. reasoning.prompt, action.target, action.rollbackPlan, inputs[].value");
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

    /**
     * A copy of {@code root} with every listed path hashed; {@code root} itself when none is listed.
     * Paths apply to the request and, in a plan, to each of its {@code steps} as well.
     */
    public JsonNode redact(JsonNode root) {
        if (paths.isEmpty() || root == null) {
            return root;
        }
        JsonNode copy = root.deepCopy();
        eachRequest(copy, request -> paths.forEach(path -> visit(request, path, 0, this::hashed)));
        return copy;
    }

    /**
     * The sensitive values in a request and their keyed hashes, so text derived from the request
     * (a policy's reason messages can quote any fact) can be masked too.
     */
    public SensitiveValues values(JsonNode root) {
        Map<String, String> found = new HashMap<>();
        if (!paths.isEmpty() && root != null) {
            eachRequest(root, request -> paths.forEach(path -> visit(request, path, 0, value -> {
                String hashed = hashed(value).asText();
                if (value.isNumber()) found.put(value.decimalValue().toPlainString(), hashed);
                if (!value.isNull()) found.put(value.asText(), hashed);
                return value;
            })));
        }
        return new SensitiveValues(found);
    }

    private static void eachRequest(JsonNode root, java.util.function.Consumer<JsonNode> action) {
        action.accept(root);
        if (root.get("steps") instanceof ArrayNode steps) steps.forEach(action);
    }

    /** Whether {@code field} is listed, written without {@code []} ({@code inputs.value} for {@code inputs[].value}). */
    public boolean masks(String field) {
        return paths.stream().anyMatch(p -> String.join(".", p).replace("[]", "").equals(field));
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

    private void visit(JsonNode node, String[] path, int depth, UnaryOperator<JsonNode> leaf) {
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
                        array.set(i, leaf.apply(array.get(i)));
                    } else {
                        visit(array.get(i), path, depth + 1, leaf);
                    }
                }
            }
        } else if (last) {
            object.set(name, leaf.apply(child));
        } else {
            visit(child, path, depth + 1, leaf);
        }
    }

    private JsonNode hashed(JsonNode value) {
        return value.isNull() ? value : TextNode.valueOf(hash(value).orElseThrow());
    }
}
