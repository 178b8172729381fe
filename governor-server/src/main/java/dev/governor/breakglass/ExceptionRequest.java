package dev.governor.breakglass;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * Body of {@code POST /v1/exceptions}: for one agent, the action types and target patterns it
 * covers, the reason codes it lifts, why, and for how long: {@code duration} (ISO-8601, e.g.
 * {@code PT2H}) or {@code until}, exactly one. The window starts when it is asked for, so the time
 * spent waiting for the two approvals counts against it.
 */
public record ExceptionRequest(
        @NotBlank String agentId,
        @NotEmpty @Size(max = 20) List<String> actionTypes,
        @NotEmpty @Size(max = 20) List<String> targets,
        @NotEmpty @Size(max = 20) List<String> reasonCodes,
        @NotBlank @Size(max = 2000) String justification,
        String duration,
        OffsetDateTime until) {
}
