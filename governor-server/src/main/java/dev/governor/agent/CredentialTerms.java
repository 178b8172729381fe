package dev.governor.agent;

import dev.governor.api.ApiException;
import dev.governor.identity.CredentialLifetime;
import dev.governor.policy.AutonomyLevel;
import dev.governor.policy.KeyLifetime;
import dev.governor.policy.PolicyEngine;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.time.format.DateTimeParseException;

/**
 * The lifetime of a credential about to be issued: the longest decision-tables/key-lifetimes.dmn
 * allows for the agent's level, or less when the caller asks for less; never more (400 naming
 * the field). No answer from the table issues nothing (503): a credential without an end would
 * be the permissive guess.
 */
@ApplicationScoped
public class CredentialTerms {

    private final PolicyEngine policy;

    public CredentialTerms(PolicyEngine policy) {
        this.policy = policy;
    }

    /** @param asked an ISO-8601 duration or null (the table's maximum); {@code field} names it in a refusal */
    public CredentialLifetime lifetime(KeyLifetime.Credential credential, AutonomyLevel level, String asked, String field) {
        Duration wanted = asked == null ? null : parse(asked, field);
        KeyLifetime allowed = policy.keyLifetime(credential, level);
        if (!allowed.known()) {
            throw ApiException.unavailable("no credential is issued: " + KeyLifetime.FILE + " gave no lifetime for "
                    + credential + " at " + level + " (" + allowed.error() + ")");
        }
        if (wanted != null && wanted.compareTo(allowed.maxLifetime()) > 0) {
            throw ApiException.invalid(field, "may be at most " + allowed.maxLifetime() + " for an agent at " + level
                    + " (" + allowed.source() + "), not " + asked);
        }
        return new CredentialLifetime(wanted == null ? allowed.maxLifetime() : wanted, allowed.warnBefore(),
                allowed.source());
    }

    private static Duration parse(String asked, String field) {
        try {
            Duration d = Duration.parse(asked.strip());
            if (d.isNegative() || d.isZero()) throw ApiException.invalid(field, "must be a positive duration, not " + asked);
            return d;
        } catch (DateTimeParseException e) {
            throw ApiException.invalid(field, "must be an ISO-8601 duration such as PT15M, PT8H or P7D, not " + asked);
        }
    }
}
