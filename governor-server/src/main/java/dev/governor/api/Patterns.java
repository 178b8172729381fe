package dev.governor.api;

/** Identifier shapes fixed by the contract; every request body validates against these. */
public final class Patterns {

    public static final String AGENT_ID = "^[a-z0-9][a-z0-9._-]{1,63}$";
    public static final String AGENT_ID_MESSAGE = "must be 2-64 characters: lowercase letters, digits, '.', '_' or '-', "
            + "starting with a letter or digit";
    public static final String ENVIRONMENT = "^[a-z0-9][a-z0-9_-]{0,63}$";
    public static final String ENVIRONMENT_MESSAGE = "must be 1-64 characters: lowercase letters, digits, '_' or '-', "
            + "starting with a letter or digit";
    /** What an agent may be granted to work in: an environment, or a tier (every listed environment of it). */
    public static final String AGENT_ENVIRONMENT = "^([a-z0-9][a-z0-9_-]{0,63}|PRODUCTION|STAGING|SANDBOX)$";
    public static final String AGENT_ENVIRONMENT_MESSAGE = ENVIRONMENT_MESSAGE + ", or a tier: PRODUCTION, STAGING or SANDBOX";
    public static final String PERMISSION = "^([a-z][a-z0-9_]*|\\*):([a-z][a-z0-9_]*|\\*)$";
    public static final String PERMISSION_MESSAGE = "must be <resource>:<verb> in lowercase, either part may be '*' "
            + "(e.g. config:update, config:*)";
    public static final String ACTION_TYPE = "^[a-z][a-z0-9_]{0,62}\\.[a-z][a-z0-9_]{0,62}$";
    public static final String ACTION_TYPE_MESSAGE = "must be <resource>.<verb> in lowercase, e.g. config.update";

    private Patterns() {
    }
}
