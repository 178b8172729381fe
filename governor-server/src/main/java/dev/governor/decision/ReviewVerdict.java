package dev.governor.decision;

/** A human's (or the verifier's) word on an agent's outcome claim; the latest review stands. */
public enum ReviewVerdict {
    CONFIRMED,
    DISPUTED
}
