package dev.governor.grant;

import java.time.Instant;
import java.util.List;

/**
 * How an agent used its grants in a window: for each grant the decisions it covered (matched
 * as rules/permissions.drl matches, through policy/Grants), the grants never used, the attempts
 * refused with PERMISSION_NOT_GRANTED, and the narrower grant set that would have covered all
 * that was used ({@code proposed}: wildcards replaced by the concrete grants they covered), and
 * the grants that end ({@code grantsUntil}), soonest first ({@code expiries}).
 */
public record UsageReport(String agentId, String window, Instant since, List<String> grants,
                          List<GrantUse> usage, List<String> unused, List<Denied> denied, List<String> proposed,
                          List<Expiry> expiries) {

    /** A grant that ends: when, and whether that is already past (then it covers nothing). */
    public record Expiry(String grant, Instant until, boolean expired) {
    }

    /** One grant: how many decisions it covered, when last, and their action types. */
    public record GrantUse(String grant, long count, Instant lastUsed, List<String> actionTypes) {
    }

    /** Attempts no grant covered: the action type, how often, when last. */
    public record Denied(String actionType, long count, Instant last) {
    }
}
