package dev.governor.policy;

import java.util.Collection;

/**
 * A policy verdict. The declaration order is the combining rule, written once here:
 * when several policies speak, the most restrictive wins,
 * {@code DENY} > {@code RECOMMEND} > {@code REQUIRE_APPROVAL} > {@code ALLOW}.
 * RECOMMEND outranks REQUIRE_APPROVAL because an agent at OBSERVE may never execute,
 * even with an approval.
 */
public enum Outcome {
    ALLOW,
    REQUIRE_APPROVAL,
    RECOMMEND,
    DENY;

    public boolean isStricterThan(Outcome other) {
        return other == null || ordinal() > other.ordinal();
    }

    public static Outcome mostRestrictive(Outcome a, Outcome b) {
        if (a == null) return b;
        if (b == null) return a;
        return a.ordinal() >= b.ordinal() ? a : b;
    }

    /** No verdict at all means nothing vouched for the action: fail closed. */
    public static Outcome mostRestrictive(Collection<Outcome> outcomes) {
        return outcomes.stream().reduce(Outcome::mostRestrictive).orElse(DENY);
    }
}
