package dev.governor.identity;

import dev.governor.api.Roles;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Turns an agent key, or a session token exchanged for one, into an identity named
 * {@code agent:<id>} holding the {@code agent} role and the {@link AgentCredential} presented,
 * and a local user token (of a user neither disabled nor deleted) into the user's name and roles. A suspended agent's key still
 * authenticates, so its decisions are recorded as {@code DENY AGENT_SUSPENDED}.
 */
@ApplicationScoped
public class GovernorIdentityProvider implements IdentityProvider<GovernorTokenRequest> {

    /** The {@link AgentCredential} an agent authenticated with. */
    static final String CREDENTIAL_ATTRIBUTE = "governor.credential";

    private final AgentKeys keys;
    private final SessionTokens tokens;
    private final Users users;

    public GovernorIdentityProvider(AgentKeys keys, SessionTokens tokens, Users users) {
        this.keys = keys;
        this.tokens = tokens;
        this.users = users;
    }

    @Override
    public Class<GovernorTokenRequest> getRequestType() {
        return GovernorTokenRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(GovernorTokenRequest request, AuthenticationRequestContext context) {
        return context.runBlocking(() -> {
            String token = request.token();
            boolean key = token.startsWith(Secrets.AGENT_KEY_PREFIX);
            if (key || token.startsWith(Secrets.SESSION_TOKEN_PREFIX)) {
                AgentCredential credential = key ? keys.credential(token) : tokens.credential(token);
                if (credential == null) throw new AuthenticationFailedException();
                return QuarkusSecurityIdentity.builder()
                        .setPrincipal(new QuarkusPrincipal(Users.AGENT_PREFIX + credential.agentId()))
                        .addRole(Roles.AGENT)
                        .addAttribute(Roles.AGENT_ID_ATTRIBUTE, credential.agentId())
                        .addAttribute(CREDENTIAL_ATTRIBUTE, credential)
                        .build();
            }
            Users.User user = users.byToken(token).orElseThrow(AuthenticationFailedException::new);
            return QuarkusSecurityIdentity.builder()
                    .setPrincipal(new QuarkusPrincipal(user.name()))
                    .addRoles(user.roles())
                    .addAttribute(RoleAugmentor.LOCAL_USER_ATTRIBUTE, Boolean.TRUE)
                    .build();
        });
    }
}
