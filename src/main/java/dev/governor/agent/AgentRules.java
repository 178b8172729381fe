package dev.governor.agent;

import dev.governor.api.Patterns;

/** Input patterns for agents, shared by the create and replace bodies (annotation constants). */
final class AgentRules {

    static final String ID = Patterns.AGENT_ID;
    static final String ID_MESSAGE = Patterns.AGENT_ID_MESSAGE;
    /** An environment, or a tier (dev.governor.policy.EnvironmentTier): every listed environment of it. */
    static final String ENVIRONMENT = "^([a-z0-9][a-z0-9_-]{0,63}|PRODUCTION|STAGING|SANDBOX)$";
    static final String ENVIRONMENT_MESSAGE = Patterns.ENVIRONMENT_MESSAGE + ", or a tier: PRODUCTION, STAGING or SANDBOX";
    static final String PERMISSION = Patterns.PERMISSION;
    static final String PERMISSION_MESSAGE = Patterns.PERMISSION_MESSAGE;
    static final int MAX_ENVIRONMENTS = 64;
    static final int MAX_PERMISSIONS = 256;

    private AgentRules() {
    }
}
