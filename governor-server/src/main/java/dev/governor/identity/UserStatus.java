package dev.governor.identity;

/** Whether a user may still act (and own agents). Neither DISABLED nor DELETED authenticates. */
public enum UserStatus {
    ACTIVE, DISABLED, DELETED
}
