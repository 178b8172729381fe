package dev.governor.client;

/**
 * Governor could not answer: 503 (a dependency failed; nothing of the request was stored), 429
 * (too many waits open), or no HTTP answer at all (status 0). An agent must not act on it: no
 * answer is never an ALLOW. It is thrown once the retry policy has given up.
 */
public class UnavailableException extends GovernorException {
    private final long retryAfterSeconds;

    public UnavailableException(int status, Problem problem, String message, long retryAfterSeconds, Throwable cause) {
        super(status, problem, message, cause);
        this.retryAfterSeconds = retryAfterSeconds;
    }

    /** What the server asked for in {@code Retry-After}, in seconds; -1 when it said nothing. */
    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
