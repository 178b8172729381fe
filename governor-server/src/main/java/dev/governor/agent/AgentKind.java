package dev.governor.agent;

/**
 * What an agent record stands for: software acting on its own (AGENT), or a person whose
 * decisions go through Governor the same way (HUMAN_OPERATOR), so both can be benchmarked alike.
 */
public enum AgentKind {
    AGENT,
    HUMAN_OPERATOR
}
