package dev.governor.policy;

/** The answer to a successful reload: the version now in force and the history entry of this load. */
public record ReloadResponse(PolicySnapshot policy, PolicyLoad load) {
}
