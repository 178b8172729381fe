package dev.governor.freeze;

import dev.governor.api.ApiException;

import java.util.Arrays;
import java.util.Map;

/**
 * What a scoped halt covers. The identity scopes (AGENT, OWNER, SESSION) are matched when the
 * facts are gathered; the others are matched by rules/halt.drl against the action as the policy
 * classified it.
 */
public enum HaltScope {
    /** An environment by the name agents use or its registered name ({@code prod} is {@code production}). */
    ENVIRONMENT("environment"),
    /** An environment tier from environments.dmn: SANDBOX, STAGING, PRODUCTION. */
    ENVIRONMENT_TIER("tier"),
    /** The agents whose owner is this user. */
    OWNER("owner"),
    /** One action type, e.g. {@code database.drop}. */
    ACTION_TYPE("actionType"),
    /** A reversibility class from reversibility.dmn: REVERSIBLE, PARTIALLY_REVERSIBLE, IRREVERSIBLE. */
    ACTION_CLASS("actionClass"),
    AGENT("agentId"),
    SESSION("sessionId");

    /** The member that names this scope in the API's {@code scope} object. */
    public final String key;

    HaltScope(String key) {
        this.key = key;
    }

    /** The scope a {@code scope} object names: exactly one known member, or a 400 naming {@code scope}. */
    static Map.Entry<HaltScope, String> of(Map<String, String> scope) {
        if (scope == null || scope.size() != 1) throw invalid();
        var member = scope.entrySet().iterator().next();
        for (HaltScope s : values()) {
            if (s.key.equals(member.getKey())) {
                if (member.getValue() == null || member.getValue().isBlank()) {
                    throw ApiException.invalid("scope." + s.key, "must not be blank");
                }
                return Map.entry(s, member.getValue());
            }
        }
        throw invalid();
    }

    private static ApiException invalid() {
        return ApiException.invalid("scope", "must name exactly one of "
                + Arrays.stream(values()).map(s -> s.key).toList());
    }
}
