package dev.governor.agent;

import dev.governor.api.ApiException;
import dev.governor.identity.UserDirectory;
import dev.governor.identity.UserView;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Collection;
import java.util.Locale;
import java.util.Map;

/**
 * An agent's owner is a person Governor knows and who is still active (a local user or a seen
 * OIDC subject): someone must answer for what the agent does. An agent whose owner is no longer
 * active is orphaned (rules/identity.drl#agent-orphaned).
 */
@ApplicationScoped
class AgentOwners {

    private final UserDirectory users;

    AgentOwners(UserDirectory users) {
        this.users = users;
    }

    /** 422 naming {@code owner} unless the name is a known, active user. */
    void requireActive(String owner) {
        UserView user = users.find(owner).orElseThrow(() -> ApiException.unprocessable("owner",
                "'" + owner + "' is not a user Governor knows: create the user (POST /v1/users) or let them "
                        + "sign in through the identity provider once"));
        if (!user.active()) {
            throw ApiException.unprocessable("owner", "'" + owner + "' is " + user.status().name().toLowerCase(Locale.ROOT)
                    + ": an agent needs an active owner");
        }
    }

    /** Missing or inactive owners orphan: unknown is never more permissive than known. */
    boolean orphaned(String owner) {
        return !users.isActive(owner);
    }

    Map<String, UserView> find(Collection<String> owners) {
        return users.find(owners);
    }
}
