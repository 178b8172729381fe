package dev.governor.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * JSON kept as text in the database (requests, answers, reasons): written and read back with
 * the application's mapper. A failure here is a bug, not bad input, hence unchecked.
 */
public final class JsonText {

    private JsonText() {
    }

    /** null stays null. */
    public static String write(ObjectMapper mapper, Object value) {
        try {
            return value == null ? null : mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise " + value.getClass().getSimpleName(), e);
        }
    }

    /** null stays null. */
    public static JsonNode read(ObjectMapper mapper, String json) {
        try {
            return json == null ? null : mapper.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored JSON is not valid", e);
        }
    }
}
