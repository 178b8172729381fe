package dev.governor.mcp;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The gateway's mapping file: how each upstream tool call becomes a Governor action. Rules are
 * tried in order; the first whose {@code tool} and {@code when} patterns match wins. A call no rule
 * matches is refused, never forwarded.
 *
 * @param agentId      the agent the gateway asks for (the agent key must be this agent's)
 * @param sessionId    sent with every decision; null lets the gateway name one per start
 * @param environment  the default environment of every rule
 * @param approvalWait how long a call waits for a human on REQUIRE_APPROVAL; zero or absent answers at
 *                     once with a pending result and the approval's link
 * @param approvalLink the link shown for a pending approval; {@code {approvalId}} is replaced
 */
public record MappingFile(String agentId, String sessionId, String environment, Duration approvalWait,
                          String approvalLink, List<Rule> tools) {

    public MappingFile {
        tools = tools == null ? List.of() : List.copyOf(tools);
        approvalWait = approvalWait == null ? Duration.ZERO : approvalWait;
    }

    /**
     * @param tool         the upstream tool's exact name
     * @param when         argument name (dotted for nested objects) to a glob ({@code *}, {@code ?}); all must match
     * @param action       the action type, {@code <resource>.<verb>}
     * @param target       a template: {@code {arg}} is replaced by the argument's value
     * @param environment  overrides the file's
     * @param impact       each figure a number or {@code {arg}} / {@code count({arg})}; absent = unknown
     * @param rollbackPlan a template like {@code target}
     */
    public record Rule(String tool, Map<String, String> when, String action, String target, String environment,
                       Impact impact, String rollbackPlan) {

        public Rule {
            when = when == null ? Map.of() : Map.copyOf(when);
        }
    }

    /** Figures as numbers or expressions; a figure that cannot be read from the call is unknown, never 0. */
    public record Impact(Object records, Object users, Object monetaryValue) {
    }
}
