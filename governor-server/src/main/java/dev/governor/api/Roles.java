package dev.governor.api;

import java.util.List;

/**
 * The roles a caller can hold. Humans get theirs from a local user record or from their
 * identity provider's token; agents hold {@link #AGENT} only. {@link #ADMIN} implies every
 * human role, and every human role implies {@link #READER} (identity's RoleAugmentor). The names
 * live here, with the HTTP layer, because every resource's {@code @RolesAllowed} names them,
 * the audit resource's too, while identity itself writes to the audit trail.
 */
public final class Roles {

    public static final String APPROVER = "approver";
    public static final String POLICY_AUTHOR = "policy-author";
    public static final String AUDITOR = "auditor";
    public static final String AGENT_ADMIN = "agent-admin";
    /** Keeps the asset registry (/v1/assets); agent-admin may too. */
    public static final String ASSET_ADMIN = "asset-admin";
    public static final String ADMIN = "admin";
    /** Held by an agent key, never by a human. */
    public static final String AGENT = "agent";
    /** Derived: any human role may read agents, assets, freezes, decisions, approvals and policies. */
    public static final String READER = "reader";

    public static final List<String> HUMAN = List.of(APPROVER, POLICY_AUTHOR, AUDITOR, AGENT_ADMIN, ASSET_ADMIN, ADMIN);

    /** The security attribute carrying the agent id of an agent key's identity. */
    public static final String AGENT_ID_ATTRIBUTE = "governor.agentId";

    private Roles() {
    }
}
