package dev.governor.client;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An RFC 9457 problem details body as Governor sends it. {@code extensions} holds the members
 * beyond the standard ones (e.g. {@code unmetCriteria}); {@code violations} names each bad field.
 */
public record Problem(String type, String title, int status, String detail, List<Violation> violations,
                      Map<String, Object> extensions) {

    public Problem {
        violations = violations == null ? List.of() : List.copyOf(violations);
        // JSON null members are kept, so not Map.copyOf
        extensions = extensions == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(extensions));
    }

    /** The first field named, or null: the common case of one bad field. */
    public String field() {
        return violations.isEmpty() ? null : violations.get(0).field();
    }

    public record Violation(String field, String message) {
    }
}
