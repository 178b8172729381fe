package dev.governor.identity;

import dev.governor.api.ApiException;
import dev.governor.api.Roles;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.Optional;

/** Who is calling in the current request, and the checks that depend on it rather than on a role. */
@ApplicationScoped
public class Caller {

    private final SecurityIdentity identity;

    public Caller(SecurityIdentity identity) {
        this.identity = identity;
    }

    /** The name recorded as the actor: a user's name, or {@code agent:<id>} for an agent key. */
    public String name() {
        return identity.isAnonymous() ? "anonymous" : identity.getPrincipal().getName();
    }

    public boolean hasRole(String role) {
        return identity.hasRole(role);
    }

    /**
     * The caller's name, for a call whose body or headers may also name who acts (an approver,
     * a reloading author): a name that is not the caller's is refused rather than silently
     * overridden. Blank or absent claims are ignored.
     */
    public String nameClaimedAs(String... claimed) {
        String me = name();
        for (String claim : claimed) {
            if (claim != null && !claim.isBlank() && !claim.strip().equalsIgnoreCase(me)) {
                throw forbidden("you are authenticated as " + me + " and cannot act as " + claim.strip());
            }
        }
        return me;
    }

    /** The agent key or session token the caller presented; empty for people. */
    public Optional<AgentCredential> credential() {
        return Optional.ofNullable(identity.getAttribute(GovernorIdentityProvider.CREDENTIAL_ATTRIBUTE));
    }

    public Optional<String> agentId() {
        return Optional.ofNullable(identity.getAttribute(Roles.AGENT_ID_ATTRIBUTE));
    }

    /** The caller must be this agent's key: a decision, plan or outcome is only ever the agent's own. */
    public void requireAgent(String agentId) {
        String own = agentId().orElseThrow(() -> forbidden("only the agent's own API key may do this"));
        if (!own.equals(agentId)) {
            throw forbidden("this API key belongs to agent '" + own + "', not to agent '" + agentId + "'");
        }
    }

    /** A human reader may see any agent's records; an agent key only its own. */
    public void requireSelfIfAgent(String agentId) {
        if (agentId().isPresent()) requireAgent(agentId);
    }

    public static ApiException forbidden(String detail) {
        return new ApiException(403, "Forbidden", detail, List.of());
    }
}
