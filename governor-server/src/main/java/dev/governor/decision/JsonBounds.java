package dev.governor.decision;

import com.fasterxml.jackson.databind.JsonNode;
import dev.governor.api.ApiException;

/**
 * Bounds on the free JSON a body may carry (an expected effect, an action taken): they are stored
 * and bound in the audit log, so their size and depth are limited, and a bad one is a 400 naming
 * the field.
 */
final class JsonBounds {

    static final int MAX_CHARS = 16_384;
    static final int MAX_DEPTH = 8;
    static final int MAX_DESCRIPTION = 2000;

    private JsonBounds() {
    }

    /** An expected effect: absent, or an object with a description and free checkable fields. */
    static void expectedEffect(JsonNode effect) {
        if (effect == null || effect.isNull() || effect.isMissingNode()) return;
        if (!effect.isObject()) throw ApiException.invalid("expectedEffect", "must be an object");
        JsonNode description = effect.get("description");
        if (description == null || !description.isTextual() || description.asText().isBlank()) {
            throw ApiException.invalid("expectedEffect.description", "is required and must be a non-blank string");
        }
        if (description.asText().length() > MAX_DESCRIPTION) {
            throw ApiException.invalid("expectedEffect.description", "must be at most " + MAX_DESCRIPTION + " characters");
        }
        bounded("expectedEffect", effect);
    }

    /** Any JSON value, bounded in size and depth; null is allowed. */
    static void bounded(String field, JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) return;
        if (depth(node, 0) > MAX_DEPTH) throw ApiException.invalid(field, "nests deeper than " + MAX_DEPTH + " levels");
        if (node.toString().length() > MAX_CHARS) {
            throw ApiException.invalid(field, "must be at most " + MAX_CHARS + " characters of JSON");
        }
    }

    private static int depth(JsonNode node, int at) {
        if (at > MAX_DEPTH) return at;
        int deepest = at;
        for (JsonNode child : node) deepest = Math.max(deepest, depth(child, at + 1));
        return deepest;
    }
}
