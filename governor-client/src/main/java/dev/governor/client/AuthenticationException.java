package dev.governor.client;

/** 401 (no or a bad key/token) or 403 (the caller may not do this, e.g. an agent key acting for another agent). */
public class AuthenticationException extends GovernorException {
    public AuthenticationException(int status, Problem problem, String message) {
        super(status, problem, message, null);
    }
}
