package dev.governor.api;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Refuses, before any resource sees them, path and query parameters holding control characters
 * (400 naming the parameter), and a request body that is not declared as UTF-8 JSON or CSV (415). Headers
 * are checked earlier, by {@link RequestGuard}, because authentication reads them first.
 */
public class ParameterGuard {

    @ServerRequestFilter
    public void check(ContainerRequestContext request) {
        parameters(request.getUriInfo().getPathParameters(true));
        parameters(request.getUriInfo().getQueryParameters(true));
        contentType(request);
    }

    private static void parameters(MultivaluedMap<String, String> parameters) {
        for (Map.Entry<String, List<String>> parameter : parameters.entrySet()) {
            ControlChars.check(parameter.getKey(), parameter.getKey(), false);
            for (String value : parameter.getValue()) {
                ControlChars.check(parameter.getKey(), value, false);
            }
        }
    }

    /**
     * Every body Governor reads is JSON, but for the CSV of an asset import. Without a declared type
     * a body could be read as anything, and another charset would be decoded silently; an empty
     * body is left to the resource, which names the missing field.
     */
    private static void contentType(ContainerRequestContext request) {
        if (!hasBody(request)) return;
        MediaType type = request.getMediaType();
        if (type == null) throw unsupported("A request body needs Content-Type: application/json");
        boolean json = type.getType().equalsIgnoreCase("application")
                && (type.getSubtype().equalsIgnoreCase("json") || type.getSubtype().toLowerCase(Locale.ROOT).endsWith("+json"));
        boolean csv = type.getType().equalsIgnoreCase("text") && type.getSubtype().equalsIgnoreCase("csv");
        if (!json && !csv) throw unsupported(ProblemMapper.detail(415));
        String charset = type.getParameters().get(MediaType.CHARSET_PARAMETER);
        if (charset != null && !charset.equalsIgnoreCase("utf-8")) {
            throw unsupported((json ? "A JSON" : "A CSV") + " body is read as UTF-8 only; send charset=utf-8 or no charset");
        }
    }

    private static boolean hasBody(ContainerRequestContext request) {
        String length = request.getHeaderString(HttpHeaders.CONTENT_LENGTH);
        if (length != null) return !length.trim().equals("0");
        return request.getHeaderString("Transfer-Encoding") != null;
    }

    private static ApiException unsupported(String detail) {
        return new ApiException(415, "Unsupported Media Type", detail, List.of());
    }
}
