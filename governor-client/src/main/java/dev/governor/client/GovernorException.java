package dev.governor.client;

/**
 * Governor refused or could not answer a call. The subclasses say what the caller can do about
 * it; {@link #problem()} is the problem+json body the server sent (null when there was none, e.g.
 * the connection failed or a proxy answered).
 */
public class GovernorException extends RuntimeException {
    private final int status;
    private final transient Problem problem;

    public GovernorException(int status, Problem problem, String message, Throwable cause) {
        super(message, cause);
        this.status = status;
        this.problem = problem;
    }

    /** The HTTP status, or 0 when no HTTP answer came. */
    public int status() {
        return status;
    }

    public Problem problem() {
        return problem;
    }

    static GovernorException of(int status, Problem problem, String fallbackMessage, long retryAfterSeconds) {
        String body = fallbackMessage == null ? "" : fallbackMessage.strip();
        // A proxy's error page can be long; the first line of it is enough to tell what answered.
        String shown = body.length() > 200 ? body.substring(0, 200) + "…" : body;
        String message = "HTTP " + status + ": " + (problem != null && problem.detail() != null
                ? problem.detail() : shown);
        if (status == 401 || status == 403) {
            return new AuthenticationException(status, problem, message);
        }
        if (status == 409) {
            return new ConflictException(problem, message);
        }
        if (status == 429 || status == 503) {
            return new UnavailableException(status, problem, message, retryAfterSeconds, null);
        }
        if (status >= 400 && status < 500) {
            return new ValidationException(status, problem, message);
        }
        return new GovernorException(status, problem, message, null);
    }
}
