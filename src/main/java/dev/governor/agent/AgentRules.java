package dev.governor.agent;

/** Input patterns for agents, shared by the create and replace bodies (annotation constants). */
final class AgentRules {

    static final String ID = "^[a-z0-9][a-z0-9._-]{1,63}$";
    static final String ID_MESSAGE = "must be 2-64 characters: lowercase letters, digits, '.', '_' or '-', "
            + "starting with a letter or digit";
    static final String ENVIRONMENT = "^[a-z0-9][a-z0-9_-]{0,63}$";
    static final String ENVIRONMENT_MESSAGE = "must be 1-64 characters: lowercase letters, digits, '_' or '-', "
            + "starting with a letter or digit";
    static final String PERMISSION = "^([a-z][a-z0-9_]*|\\*):([a-z][a-z0-9_]*|\\*)$";
    static final String PERMISSION_MESSAGE = "must be <resource>:<verb> in lowercase, either part may be '*' "
            + "(e.g. config:update, config:*)";
    static final int MAX_ENVIRONMENTS = 64;
    static final int MAX_PERMISSIONS = 256;

    private AgentRules() {
    }
}
