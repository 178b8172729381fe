package dev.governor.api;

import java.util.List;
import java.util.Map;

/**
 * A failure a service reports to the caller as RFC 9457 problem+json. Services throw it;
 * {@link ProblemMapper} is the only place that turns anything into an HTTP error body.
 */
public class ApiException extends RuntimeException {

    private final int status;
    private final String title;
    private final List<Violation> violations;
    private final long retryAfterSeconds;
    private final Map<String, Object> extensions;

    public ApiException(int status, String title, String detail, List<Violation> violations) {
        this(status, title, detail, violations, Map.of());
    }

    private ApiException(int status, String title, String detail, List<Violation> violations,
                         Map<String, Object> extensions) {
        super(detail);
        this.status = status;
        this.title = title;
        this.violations = List.copyOf(violations);
        this.retryAfterSeconds = 0;
        this.extensions = Map.copyOf(extensions);
    }

    private ApiException(int status, String title, String detail, long retryAfterSeconds) {
        super(detail);
        this.status = status;
        this.title = title;
        this.violations = List.of();
        this.retryAfterSeconds = retryAfterSeconds;
        this.extensions = Map.of();
    }

    /** 429 with a {@code Retry-After} header. */
    public static ApiException tooManyRequests(String detail, long retryAfterSeconds) {
        return new ApiException(429, "Too Many Requests", detail, retryAfterSeconds);
    }

    /**
     * 503 with a {@code Retry-After} header: the request was not carried out because something
     * Governor depends on (the database, the audit log) failed or did not answer in time.
     */
    public static ApiException unavailable(String detail) {
        return new ApiException(503, "Service Unavailable", detail, Infrastructure.RETRY_AFTER_SECONDS);
    }

    /** Seconds for the {@code Retry-After} header; 0 = none. */
    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }

    public static ApiException notFound(String what, Object id) {
        return new ApiException(404, "Not Found", what + " '" + id + "' does not exist", List.of());
    }

    public static ApiException conflict(String detail) {
        return new ApiException(409, "Conflict", detail, List.of());
    }

    /** 409 carrying extension members beside the detail, e.g. the criteria a promotion did not meet. */
    public static ApiException conflict(String detail, Map<String, Object> extensions) {
        return new ApiException(409, "Conflict", detail, List.of(), extensions);
    }

    public Map<String, Object> extensions() {
        return extensions;
    }

    public static ApiException invalid(String field, String message) {
        return new ApiException(400, "Invalid input", field + ": " + message, List.of(new Violation(field, message)));
    }

    /**
     * 422: the body is well-formed but names something that does not hold, such as an owner who is
     * not an active user or a grant the agent does not have.
     */
    public static ApiException unprocessable(String field, String message) {
        return new ApiException(422, "Unprocessable Content", field + ": " + message,
                List.of(new Violation(field, message)));
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }

    public List<Violation> violations() {
        return violations;
    }

    /** One invalid field, named by its JSON path in the request, e.g. {@code action.impact.users}. */
    public record Violation(String field, String message) {
    }
}
