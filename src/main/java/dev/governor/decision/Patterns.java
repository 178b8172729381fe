package dev.governor.decision;

/** Identifier shapes fixed by the contract, shared by every request that carries them. */
public final class Patterns {

    public static final String AGENT_ID = "^[a-z0-9][a-z0-9._-]{1,63}$";
    public static final String AGENT_ID_MESSAGE = "must match ^[a-z0-9][a-z0-9._-]{1,63}$";
    public static final String ACTION_TYPE = "^[a-z][a-z0-9_]{0,62}\\.[a-z][a-z0-9_]{0,62}$";
    public static final String ACTION_TYPE_MESSAGE = "must be <resource>.<verb>, lower case, e.g. config.update";
    public static final String ENVIRONMENT = "^[a-z0-9][a-z0-9_-]{0,63}$";
    public static final String ENVIRONMENT_MESSAGE = "must match ^[a-z0-9][a-z0-9_-]{0,63}$";

    private Patterns() {
    }
}
