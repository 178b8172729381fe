package dev.governor.identity;

/**
 * Fired (synchronously, inside the transaction that disables or deletes the user) so that the
 * features that hold references to people, such as agents' owners, can record what it means.
 */
public record UserDeactivated(String name, UserStatus status, String actor, String reason) {
}
