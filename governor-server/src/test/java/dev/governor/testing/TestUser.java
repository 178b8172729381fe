package dev.governor.testing;

import java.util.Set;

/** A Governor-local user created through {@code POST /v1/users}, with its token. */
public record TestUser(String name, Set<String> roles, String token) implements Credential {

    public TestUser {
        roles = Set.copyOf(roles);
    }

    @Override
    public String bearer() {
        return token;
    }
}
