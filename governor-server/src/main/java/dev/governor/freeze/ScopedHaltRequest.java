package dev.governor.freeze;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.time.OffsetDateTime;
import java.util.Map;

/**
 * Body of {@code POST /v1/halts}: what to stop (a {@code scope} object with exactly one of
 * environment, tier, owner, actionType, actionClass, agentId, sessionId), why, and until when
 * (no end: until lifted).
 */
public record ScopedHaltRequest(
        @NotNull Map<String, String> scope,
        @NotBlank @Size(max = 2000) String reason,
        OffsetDateTime until) {
}
