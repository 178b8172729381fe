package dev.governor.identity;

import dev.governor.api.Roles;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Applies the role hierarchy to every identity, local or from the identity provider:
 * {@code admin} implies every human role, and any human role implies {@code reader}. An
 * identity-provider token that claims the {@code agent} role loses it: only a key is an agent.
 * An identity-provider subject is recorded on its first request ({@link OidcSubjects}) and refused
 * once an administrator has disabled or deleted it.
 */
@ApplicationScoped
public class RoleAugmentor implements SecurityIdentityAugmentor {

    /** Set by GovernorIdentityProvider on a local user's identity: anything else human came from OIDC. */
    static final String LOCAL_USER_ATTRIBUTE = "governor.localUser";

    private final OidcSubjects subjects;

    public RoleAugmentor(OidcSubjects subjects) {
        this.subjects = subjects;
    }

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        if (identity.isAnonymous()) return Uni.createFrom().item(identity);
        boolean agent = identity.getAttribute(Roles.AGENT_ID_ATTRIBUTE) != null;
        QuarkusSecurityIdentity.Builder builder = QuarkusSecurityIdentity.builder()
                .setPrincipal(identity.getPrincipal())
                .addAttributes(identity.getAttributes())
                .addCredentials(identity.getCredentials())
                .addPermissionChecker(identity::checkPermission);
        if (agent) {
            builder.addRole(Roles.AGENT);
            return Uni.createFrom().item(builder.build());
        }
        boolean admin = identity.hasRole(Roles.ADMIN);
        for (String role : Roles.HUMAN) {
            if (admin || identity.hasRole(role)) builder.addRole(role);
        }
        if (Roles.HUMAN.stream().anyMatch(identity::hasRole)) builder.addRole(Roles.READER);
        SecurityIdentity augmented = builder.build();
        if (identity.getAttribute(LOCAL_USER_ATTRIBUTE) != null) return Uni.createFrom().item(augmented);
        String name = identity.getPrincipal().getName();
        if (subjects.recentlyAdmitted(name)) return Uni.createFrom().item(augmented);
        return context.runBlocking(() -> {
            if (!subjects.admit(name, identity.getRoles())) {
                throw new AuthenticationFailedException("user '" + name + "' is disabled or deleted in Governor");
            }
            return augmented;
        });
    }
}
