package dev.governor.testing;

/** Something a test can call Governor as: an agent's API key or a user's bearer token. */
public interface Credential {

    /** The secret sent as {@code Authorization: Bearer <secret>}. */
    String bearer();
}
