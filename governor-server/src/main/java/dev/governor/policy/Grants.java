package dev.governor.policy;

import java.util.Collection;

/**
 * How a grant covers an action, in one place: the policy (rules/permissions.drl through
 * AgentFact), the right-sizing report (grant package) and the agent service's refusal to widen
 * grants outside a grant request must never disagree on it. An action
 * type {@code <resource>.<verb>} (split at the first dot, as the engine does) needs the grant
 * {@code <resource>:<verb>}; either part of a grant may be {@code *}.
 */
public final class Grants {

    public static final String ANY = "*";

    private Grants() {
    }

    public static boolean covers(String grant, String resource, String verb) {
        if (grant == null) return false;
        int colon = grant.indexOf(':');
        if (colon < 0) return false;
        String r = grant.substring(0, colon);
        String v = grant.substring(colon + 1);
        return (ANY.equals(r) || r.equals(resource)) && (ANY.equals(v) || v.equals(verb));
    }

    /** Whether some grant covers {@code resource.verb}. */
    public static boolean cover(Collection<String> grants, String resource, String verb) {
        return grants.stream().anyMatch(g -> covers(g, resource, verb));
    }

    /**
     * Whether {@code grant} gives nothing the grants do not already give: {@code config:update} is
     * covered by {@code config:*}, but {@code config:*} only by {@code config:*} or {@code *:*}.
     */
    public static boolean coverGrant(Collection<String> grants, String grant) {
        int colon = grant.indexOf(':');
        if (colon < 0) return true; // not a grant at all: it gives nothing
        return cover(grants, grant.substring(0, colon), grant.substring(colon + 1));
    }

    /** Whether the grant covers the action type. */
    public static boolean coversType(String grant, String actionType) {
        return covers(grant, resource(actionType), verb(actionType));
    }

    public static String resource(String actionType) {
        int dot = actionType.indexOf('.');
        return dot < 0 ? actionType : actionType.substring(0, dot);
    }

    public static String verb(String actionType) {
        int dot = actionType.indexOf('.');
        return dot < 0 ? "" : actionType.substring(dot + 1);
    }

    /** The concrete grant an action type needs: {@code config.update} → {@code config:update}. */
    public static String needed(String actionType) {
        return resource(actionType) + ":" + verb(actionType);
    }

    public static boolean isWildcard(String grant) {
        int colon = grant.indexOf(':');
        return colon >= 0 && (ANY.equals(grant.substring(0, colon)) || ANY.equals(grant.substring(colon + 1)));
    }
}
