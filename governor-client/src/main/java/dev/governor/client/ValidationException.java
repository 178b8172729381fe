package dev.governor.client;

/** A 4xx the caller must fix (400, 404, 413, 415, 422 …); {@link Problem#violations()} names the fields. */
public class ValidationException extends GovernorException {
    public ValidationException(int status, Problem problem, String message) {
        super(status, problem, message, null);
    }
}
