package dev.governor.agent;

import java.time.Instant;

/**
 * An agent nobody answers for: its former owner and what became of them ({@code DISABLED},
 * {@code DELETED}, or {@code UNKNOWN} for an owner registered before owners had to exist).
 */
public record Orphan(String agentId, String formerOwner, OwnerStatus ownerStatus, Instant since, boolean suspended) {
}
