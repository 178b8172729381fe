package dev.governor.api;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.temporal.Temporal;
import java.util.Arrays;
import java.util.Collection;
import java.util.Map;

/**
 * Describes a Jackson failure in the caller's terms. Jackson's own messages name Java types
 * and source positions, so they are never passed through; only the path and our wording are.
 */
final class JsonErrors {

    private JsonErrors() {
    }

    static ApiException.Violation describe(JacksonException e) {
        if (e instanceof UnrecognizedPropertyException u) {
            return new ApiException.Violation(FieldPaths.of(u.getPath()), "unknown field");
        }
        if (e instanceof MismatchedInputException m) {
            return mismatch(m);
        }
        if (e instanceof JsonMappingException m && m.getCause() instanceof StreamReadException s) {
            // A syntax error met while binding: the binder knows the path, the parser the problem.
            return syntax(s, FieldPaths.of(m.getPath()));
        }
        if (e instanceof JsonMappingException m) {
            return new ApiException.Violation(FieldPaths.of(m.getPath()), "invalid value");
        }
        if (e instanceof StreamReadException s) {
            return syntax(s, s.getProcessor() == null ? "" : FieldPaths.of(s.getProcessor().getParsingContext()));
        }
        return new ApiException.Violation("", "malformed JSON" + at(e.getLocation()));
    }

    private static ApiException.Violation syntax(StreamReadException e, String path) {
        String message = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
        if (message.startsWith("Duplicate field")) {
            return new ApiException.Violation(withDuplicate(path, message), "duplicate field");
        }
        return new ApiException.Violation(path, "malformed JSON" + at(e.getLocation()));
    }

    private static ApiException.Violation mismatch(MismatchedInputException e) {
        String field = FieldPaths.of(e.getPath());
        String message = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
        if (message.startsWith("Trailing token")) {
            return new ApiException.Violation(field, "unexpected content after the JSON value");
        }
        if (message.contains("end-of-input")) {
            return new ApiException.Violation(field, "malformed JSON: unexpected end of input");
        }
        JsonToken token = e.getProcessor() instanceof JsonParser p ? p.currentToken() : null;
        // Creator-bound fields fail after the parser has moved on, so the message is the only witness.
        if (token == JsonToken.VALUE_NULL || message.contains("`null`")) {
            return new ApiException.Violation(field, "must not be null");
        }
        if (Dates.RANGE_MESSAGE.equals(message)) {
            return new ApiException.Violation(field, message);
        }
        String expected = expected(e.getTargetType());
        String got = token == null ? "" : ", got " + kind(token);
        return new ApiException.Violation(field, expected == null ? "invalid value" + got : "must be " + expected + got);
    }

    /** The parser context may stop at the enclosing object; the message names the key itself. */
    private static String withDuplicate(String path, String message) {
        int start = message.indexOf('\'');
        int end = message.lastIndexOf('\'');
        if (start < 0 || end <= start) {
            return path;
        }
        String name = message.substring(start + 1, end);
        if (path.equals(name) || path.endsWith("." + name)) {
            return path;
        }
        return path.isEmpty() ? name : path + "." + name;
    }

    private static String expected(Class<?> type) {
        if (type == null) {
            return null;
        }
        if (type.isEnum()) {
            return "one of " + Arrays.toString(type.getEnumConstants());
        }
        if (type == int.class || type == long.class || type == short.class || type == Integer.class
                || type == Long.class || type == Short.class || type == BigInteger.class) {
            return "an integer";
        }
        if (type == double.class || type == float.class || type == Double.class || type == Float.class
                || type == BigDecimal.class || Number.class.isAssignableFrom(type)) {
            return "a number";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "a boolean";
        }
        if (type == String.class || type == char.class || type == Character.class) {
            return "a string";
        }
        if (Temporal.class.isAssignableFrom(type)) {
            return "an ISO-8601 date-time with offset, e.g. 2026-01-01T00:00:00Z";
        }
        if (type.isArray() || Collection.class.isAssignableFrom(type)) {
            return "an array";
        }
        if (Map.class.isAssignableFrom(type) || type.isRecord()) {
            return "an object";
        }
        return null;
    }

    private static String kind(JsonToken token) {
        return switch (token) {
            case VALUE_STRING -> "a string";
            case VALUE_NUMBER_INT -> "an integer";
            case VALUE_NUMBER_FLOAT -> "a decimal number";
            case VALUE_TRUE, VALUE_FALSE -> "a boolean";
            case START_ARRAY, END_ARRAY -> "an array";
            case START_OBJECT, END_OBJECT, FIELD_NAME -> "an object";
            default -> "another value";
        };
    }

    private static String at(JsonLocation location) {
        if (location == null || location.getLineNr() < 1) {
            return "";
        }
        return " at line " + location.getLineNr() + ", column " + location.getColumnNr();
    }
}
