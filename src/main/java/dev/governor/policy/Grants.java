package dev.governor.policy;

import java.util.Collection;

/**
 * How a grant {@code <resource>:<verb>} covers an action or another grant, {@code *} standing for
 * any resource or verb. Written once: rules/permissions.drl (through AgentFact) and the agent
 * service's refusal to widen grants outside a grant request both ask here.
 */
public final class Grants {

    private Grants() {
    }

    /** Whether some grant covers the action type {@code resource.verb}. */
    public static boolean cover(Collection<String> grants, String resource, String verb) {
        for (String grant : grants) {
            int colon = grant.indexOf(':');
            if (colon < 0) continue;
            String r = grant.substring(0, colon);
            String v = grant.substring(colon + 1);
            if (("*".equals(r) || r.equals(resource)) && ("*".equals(v) || v.equals(verb))) return true;
        }
        return false;
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
}
