package dev.governor.policy.engine.facts;

import dev.governor.policy.ApprovalState;
import dev.governor.policy.EvaluationInput.ApprovalFacts;

import java.time.Instant;
import java.util.UUID;

/**
 * An approval as stored when the request was decided. {@code named}: the request named it
 * ({@code approvalId}); otherwise it is the approval covering the plan whose step is requested.
 */
public record ApprovalFact(boolean named, ApprovalFacts facts, Instant now) {

    public boolean isNamed() { return named; }
    public UUID getId() { return facts.id(); }
    public boolean isExists() { return facts.exists(); }
    public UUID getPlanId() { return facts.planId(); }
    public String getAgentId() { return facts.agentId(); }
    public boolean isActionMatches() { return facts.actionMatches(); }
    public ApprovalState getStatus() { return facts.status(); }
    public Instant getExpiresAt() { return facts.expiresAt(); }
    public String getDecidedBy() { return facts.decidedBy(); }
    public Instant getDecidedAt() { return facts.decidedAt(); }
    public UUID getConsumedBy() { return facts.consumedBy(); }
    public Instant getConsumedAt() { return facts.consumedAt(); }

    /** Past its time to live (an unknown expiry counts as past: fail safe). */
    public boolean isExpired() {
        return facts.expiresAt() == null || !facts.expiresAt().isAfter(now);
    }

    /** The approver's comment for messages: {@code  ("storm confirmed")}, or nothing. */
    public String getCommentText() {
        String c = facts.comment();
        return c == null || c.isBlank() ? "" : " (\"" + c + "\")";
    }
}
