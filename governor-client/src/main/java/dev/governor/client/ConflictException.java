package dev.governor.client;

/** 409: the resource is not in a state that allows this (an approval no longer pending, a claim on a non-ALLOW decision). */
public class ConflictException extends GovernorException {
    public ConflictException(Problem problem, String message) {
        super(409, problem, message, null);
    }
}
