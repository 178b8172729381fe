package dev.governor.policy.engine.facts;

import java.time.Instant;
import java.util.UUID;

/**
 * A scoped halt in force that may cover the request. Those scoped to an agent, an owner or a
 * session were gathered for this request's only; the others are matched here against the action
 * as the policy classified it (its environment's names and tier, its type, its reversibility).
 */
public record ScopedHaltFact(UUID id, String scope, String value, String reason, String by, Instant until) {

    public boolean covers(ActionFact action) {
        return switch (scope) {
            case "ENVIRONMENT" -> value.equals(action.getEnvironment()) || value.equals(action.getEnvironmentName());
            case "ENVIRONMENT_TIER" -> action.getTier() != null && value.equals(action.getTier().name());
            case "ACTION_TYPE" -> value.equals(action.getType());
            case "ACTION_CLASS" -> action.getReversibility() != null && value.equals(action.getReversibility().name());
            case "AGENT", "OWNER", "SESSION" -> true;
            default -> false;
        };
    }

    public UUID getId() { return id; }
    public String getScope() { return scope; }
    public String getValue() { return value; }
    public String getReason() { return reason; }
    public String getBy() { return by; }
    public Instant getUntil() { return until; }
}
