package dev.governor.decision;

/** What a human did with a RECOMMEND or REQUIRE_APPROVAL decision. */
public enum HumanAction {
    ACCEPTED,
    MODIFIED,
    REJECTED
}
