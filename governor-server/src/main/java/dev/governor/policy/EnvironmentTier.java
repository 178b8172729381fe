package dev.governor.policy;

/**
 * How much real harm an environment can come to, as {@code decision-tables/environments.dmn}
 * classifies it; declared from the mildest to the strictest, so the stricter of two tiers is the
 * greater one.
 */
public enum EnvironmentTier {
    SANDBOX,
    STAGING,
    PRODUCTION
}
