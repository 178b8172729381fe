package dev.governor.agent;

import dev.governor.api.Patterns;

/** Input patterns for agents, shared by the create and replace bodies (annotation constants). */
final class AgentRules {

    static final String ID = Patterns.AGENT_ID;
    static final String ID_MESSAGE = Patterns.AGENT_ID_MESSAGE;
    static final String ENVIRONMENT = Patterns.AGENT_ENVIRONMENT;
    static final String ENVIRONMENT_MESSAGE = Patterns.AGENT_ENVIRONMENT_MESSAGE;
    static final String PERMISSION = Patterns.PERMISSION;
    static final String PERMISSION_MESSAGE = Patterns.PERMISSION_MESSAGE;
    static final int MAX_ENVIRONMENTS = 64;
    static final int MAX_PERMISSIONS = 256;

    private AgentRules() {
    }
}
