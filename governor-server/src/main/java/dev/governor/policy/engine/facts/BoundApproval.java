package dev.governor.policy.engine.facts;

import dev.governor.policy.ApprovalState;

import java.util.UUID;

/**
 * The approval a request relies on, once the rules found it bound to this agent and this exact
 * action (or to this step of its plan). {@code consumes}: using it now uses it up.
 */
public record BoundApproval(ApprovalFact approval, boolean consumes) {

    public ApprovalFact getApproval() { return approval; }
    public boolean isConsumes() { return consumes; }
    public UUID getId() { return approval.getId(); }
    public ApprovalState getStatus() { return approval.getStatus(); }
    public boolean isExpired() { return approval.isExpired(); }
}
