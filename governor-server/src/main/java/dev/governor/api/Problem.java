package dev.governor.api;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;
import java.util.Map;
import java.util.Locale;

/** An RFC 9457 problem details body; only {@link ProblemMapper} writes it. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(String type, String title, int status, String detail, List<ApiException.Violation> violations,
                      @JsonIgnore Map<String, Object> extensions) {

    public static final String MEDIA_TYPE = "application/problem+json";

    public Problem {
        violations = violations == null ? List.of() : List.copyOf(violations);
        extensions = extensions == null ? Map.of() : Map.copyOf(extensions);
    }

    public static Problem of(int status, String title, String detail, List<ApiException.Violation> violations) {
        return new Problem(typeFor(title), title, status, detail, violations, Map.of());
    }

    /** With extension members beside the standard ones. */
    public static Problem of(int status, String title, String detail, Map<String, Object> extensions) {
        return new Problem(typeFor(title), title, status, detail, List.of(), extensions);
    }

    /** RFC 9457 extension members, written beside the standard ones (e.g. {@code unmetCriteria}). */
    @JsonAnyGetter
    Map<String, Object> members() {
        return extensions;
    }

    /** A stable, machine-readable type derived from the title, e.g. {@code urn:governor:problem:invalid-input}. */
    static String typeFor(String title) {
        String slug = title.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
        return "urn:governor:problem:" + slug;
    }
}
