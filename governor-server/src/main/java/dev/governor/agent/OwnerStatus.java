package dev.governor.agent;

/** What became of an orphan's owner: UNKNOWN for an owner registered before owners had to exist. */
public enum OwnerStatus {
    DISABLED, DELETED, UNKNOWN
}
