package dev.governor.api;

import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.databind.JsonMappingException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;

import java.util.List;

/**
 * Turns Jackson and Bean Validation locations into the JSON path a caller wrote,
 * e.g. {@code action.impact.users} or {@code environments[1]}, so that a violation
 * names the field in the request body rather than a Java method or parameter.
 */
final class FieldPaths {

    private FieldPaths() {
    }

    static String of(List<JsonMappingException.Reference> references) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : references) {
            if (ref.getFieldName() != null) {
                appendName(path, ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    /** The path of the parser's current position, for errors raised below the data binder (duplicate keys). */
    static String of(JsonStreamContext context) {
        StringBuilder path = new StringBuilder();
        appendContext(path, context);
        return path.toString();
    }

    private static void appendContext(StringBuilder path, JsonStreamContext context) {
        if (context == null || context.inRoot()) {
            return;
        }
        appendContext(path, context.getParent());
        if (context.inObject() && context.getCurrentName() != null) {
            appendName(path, context.getCurrentName());
        } else if (context.inArray()) {
            path.append('[').append(Math.max(context.getCurrentIndex(), 0)).append(']');
        }
    }

    /**
     * Drops the method and parameter nodes Hibernate Validator puts in front of a resource
     * method's argument; a path or query parameter, which has nothing after those nodes,
     * is named by the parameter itself.
     */
    static String of(Path propertyPath) {
        StringBuilder path = new StringBuilder();
        String parameter = null;
        for (Path.Node node : propertyPath) {
            ElementKind kind = node.getKind();
            if (kind == ElementKind.METHOD || kind == ElementKind.CONSTRUCTOR
                    || kind == ElementKind.CROSS_PARAMETER || kind == ElementKind.RETURN_VALUE) {
                continue;
            }
            if (kind == ElementKind.PARAMETER) {
                parameter = node.getName();
                continue;
            }
            if (node.isInIterable()) {
                Object key = node.getIndex() != null ? node.getIndex() : node.getKey();
                if (key != null) {
                    path.append('[').append(key).append(']');
                }
            }
            if (kind == ElementKind.PROPERTY && node.getName() != null) {
                appendName(path, node.getName());
            }
        }
        if (path.length() == 0 && parameter != null) {
            return parameter;
        }
        return path.toString();
    }

    private static void appendName(StringBuilder path, String name) {
        if (path.length() > 0) {
            path.append('.');
        }
        path.append(name);
    }
}
