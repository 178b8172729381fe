package dev.governor.identity;

import java.time.Duration;

/**
 * How long a credential about to be issued lives and when its end is announced, as the policy
 * (decision-tables/key-lifetimes.dmn) and the caller's shorter ask settled it.
 *
 * @param source the table row behind it, for the audit record
 */
public record CredentialLifetime(Duration lifetime, Duration warnBefore, String source) {
}
