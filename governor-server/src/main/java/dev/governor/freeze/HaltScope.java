package dev.governor.freeze;

/**
 * What a scoped halt covers. The identity scopes (AGENT, OWNER, SESSION) are matched when the
 * facts are gathered; the others are matched by rules/halt.drl against the action as the policy
 * classified it.
 */
public enum HaltScope {
    /** An environment by the name agents use or its registered name ({@code prod} is {@code production}). */
    ENVIRONMENT,
    /** An environment tier from environments.dmn: SANDBOX, STAGING, PRODUCTION. */
    ENVIRONMENT_TIER,
    /** The agents whose owner is this user. */
    OWNER,
    /** One action type, e.g. {@code database.drop}. */
    ACTION_TYPE,
    /** A reversibility class from reversibility.dmn: REVERSIBLE, PARTIALLY_REVERSIBLE, IRREVERSIBLE. */
    ACTION_CLASS,
    AGENT,
    SESSION
}
