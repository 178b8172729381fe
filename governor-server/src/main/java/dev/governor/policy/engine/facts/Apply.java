package dev.governor.policy.engine.facts;

import dev.governor.policy.Effect;

/** A rule's request that the caller apply this state change (see {@link Effect}). */
public record Apply(Effect effect) {
    public Effect getEffect() { return effect; }
}
