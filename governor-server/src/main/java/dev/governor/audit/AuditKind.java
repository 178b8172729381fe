package dev.governor.audit;

/** What an audit record is about; stored by name in {@code audit_log.kind}. */
public enum AuditKind {
    /** A decision, its payload the whole stored record (request, facts, response, firings). */
    DECISION,
    /** An outcome the agent reported for a decision. */
    DECISION_OUTCOME,
    /** A plan verified (all its steps weighed before the first runs), binding the plan and its steps. */
    PLAN_VERIFIED,
    /** A step of a plan executed by a decision, binding the plan as it then stands. */
    PLAN_STEP_EXECUTED,
    /** An approval opened, approved, rejected, expired or consumed. */
    APPROVAL_EVENT,
    AGENT_CREATED,
    AGENT_UPDATED,
    AGENT_SUSPENDED,
    AGENT_RESUMED,
    /** A promotion signed off by a second person applied: the agent's new level or environment. */
    AGENT_PROMOTED,
    /** Governor lowered an agent's level on drift (decision-tables/drift-response.dmn), with the numbers. */
    AGENT_DEMOTED,
    /** Drift worth a person's look: the owner was told; nothing changed. */
    AGENT_DRIFT_ALERT,
    /** A promotion asked for, approved or rejected, with the evidence it was judged by. */
    PROMOTION_REQUESTED,
    PROMOTION_APPROVED,
    PROMOTION_REJECTED,
    FREEZE_CREATED,
    FREEZE_LIFTED,
    /** A policy version loaded at start-up or by reload (or a reload rejected). */
    POLICY_LOADED,
    /** An agent key issued (registration, rotation) or revoked; the payload never holds the key. */
    AGENT_KEY_ISSUED,
    AGENT_KEY_REVOKED,
    /** A session token exchanged for an agent key (one session, a subset of grants); never the token itself. */
    SESSION_TOKEN_ISSUED,
    /** A Governor-local human user added; the payload never holds the token. */
    USER_CREATED,
    /** A user's token replaced from the server's host ({@code admin reset-token}): the old one stops working. */
    USER_TOKEN_RESET,
    /** A user (local or OIDC subject) disabled, or softly deleted: its token no longer authenticates. */
    USER_DISABLED,
    USER_DELETED,
    /** An agent whose owner was disabled or deleted: it is orphaned until reassigned. */
    AGENT_ORPHANED,
    /** An agent-admin narrowed an agent's grants to a subset (POST /v1/agents/{id}/permissions/narrow). */
    AGENT_PERMISSIONS_NARROWED,
    /** A grant request opened, approved (the grant added) or rejected. */
    GRANT_REQUESTED,
    GRANT_REQUEST_APPROVED,
    GRANT_REQUEST_REJECTED,
    /** The global halt switched on or off. */
    GLOBAL_HALT_CHANGED,
    /** A scoped halt declared (/v1/halts), as it then stands. */
    SCOPED_HALT_DECLARED,
    /** A scoped halt lifted before its end. */
    SCOPED_HALT_LIFTED,
    /** A break-glass exception asked for, given its first approval, activated by its second, or revoked; each binds the row. */
    EXCEPTION_REQUESTED,
    EXCEPTION_APPROVED,
    EXCEPTION_ACTIVATED,
    EXCEPTION_REVOKED,
    /** An asset registered, replaced or deleted (/v1/assets), binding its row as it then stands. */
    ASSET_CREATED,
    ASSET_UPDATED,
    ASSET_DELETED,
    /** A CSV file of assets imported, binding every asset it created or replaced. */
    ASSETS_IMPORTED,
    /** An agent was refused decisions for going too fast: one record per agent and window, with the refusals counted. */
    AGENT_THROTTLED,
    /** A human or the verifier confirmed or disputed an agent's outcome claim, binding the review. */
    OUTCOME_REVIEWED,
    /** A human's action on a RECOMMEND or REQUIRE_APPROVAL decision (or its approval's verdict), bound. */
    HUMAN_ACTION,
    /** An ALLOWed mutation had no outcome claim once its period was over, binding the flag. */
    OUTCOME_MISSING
}
