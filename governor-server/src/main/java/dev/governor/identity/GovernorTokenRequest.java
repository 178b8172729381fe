package dev.governor.identity;

import io.quarkus.security.identity.request.BaseAuthenticationRequest;

/** A Governor-issued bearer secret (agent key or local user token) to be checked. */
public class GovernorTokenRequest extends BaseAuthenticationRequest {

    private final String token;

    public GovernorTokenRequest(String token) {
        this.token = token;
    }

    public String token() {
        return token;
    }

    @Override
    public String toString() {
        return "GovernorTokenRequest[" + Secrets.displayPrefix(token) + "...]"; // never the secret
    }
}
