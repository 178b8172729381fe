package dev.governor.identity;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.AuthenticationRequest;
import dev.governor.api.Problem;
import dev.governor.api.ProblemMapper;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.vertx.core.http.HttpServerResponse;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticationMechanism;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.Set;

/**
 * Reads {@code Authorization: Bearer <secret>} (or {@code X-Api-Key: <key>}). Governor's own
 * secrets are recognised by their prefix ({@code gvk_} agent key, {@code gvu_} local user);
 * any other bearer token is left to the OIDC mechanism, which runs after this one. Every
 * failure is counted per source address; an address past the limit gets 429 with Retry-After.
 */
@ApplicationScoped
public class GovernorAuthMechanism implements HttpAuthenticationMechanism {

    static final String API_KEY_HEADER = "X-Api-Key";
    private static final String BLOCKED = "governor.auth.blockedSeconds";
    private static final String COUNTED = "governor.auth.failureCounted";

    private final AuthFailures failures;
    private final ProblemMapper problems;

    public GovernorAuthMechanism(AuthFailures failures, ProblemMapper problems) {
        this.failures = failures;
        this.problems = problems;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(RoutingContext context, IdentityProviderManager identities) {
        String apiKey = context.request().getHeader(API_KEY_HEADER);
        String authorization = context.request().getHeader("Authorization");
        String bearer = authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)
                ? authorization.substring(7).strip() : null;
        String secret = apiKey != null ? apiKey.strip() : bearer;
        if (secret == null) return Uni.createFrom().nullItem(); // anonymous, or another scheme
        String source = source(context);
        long blocked = failures.blockedForSeconds(source);
        if (blocked > 0) {
            context.put(BLOCKED, blocked);
            return Uni.createFrom().failure(new AuthenticationFailedException("too many failed authentications"));
        }
        if (!Secrets.isGovernorSecret(secret)) {
            if (apiKey != null) {
                context.put(COUNTED, Boolean.TRUE);
                return fail(source);
            }
            return Uni.createFrom().nullItem(); // an identity-provider token: OIDC decides
        }
        return identities.authenticate(new GovernorTokenRequest(secret))
                .onFailure().invoke(e -> fail(context, source));
    }

    /** Counts a failure once per request: ours here, the OIDC mechanism's through {@link AuthFailureCounter}. */
    void countFailure(RoutingContext context) {
        if (context.get(COUNTED) == null && context.get(BLOCKED) == null) fail(context, source(context));
    }

    private void fail(RoutingContext context, String source) {
        context.put(COUNTED, Boolean.TRUE);
        failures.failed(source);
    }

    private Uni<SecurityIdentity> fail(String source) {
        failures.failed(source);
        return Uni.createFrom().failure(new AuthenticationFailedException("unknown API key"));
    }

    @Override
    public Uni<ChallengeData> getChallenge(RoutingContext context) {
        Long blocked = context.get(BLOCKED);
        if (blocked != null) return Uni.createFrom().item(new ChallengeData(429, "Retry-After", blocked.toString()));
        return Uni.createFrom().item(new ChallengeData(401, "WWW-Authenticate", "Bearer"));
    }

    /** Like {@link #getChallenge}, with a problem+json body, as every other refusal has. */
    @Override
    public Uni<Boolean> sendChallenge(RoutingContext context) {
        HttpServerResponse response = context.response();
        if (response.headWritten()) return Uni.createFrom().item(true);
        Long blocked = context.get(BLOCKED);
        int status = blocked != null ? 429 : 401;
        String detail = blocked != null
                ? "Too many failed authentications from this address; try again after Retry-After seconds"
                : "Send an agent key or a bearer token: Authorization: Bearer <key or token>";
        response.setStatusCode(status).putHeader("Content-Type", Problem.MEDIA_TYPE);
        if (blocked != null) {
            response.putHeader("Retry-After", blocked.toString());
        } else {
            response.putHeader("WWW-Authenticate", "Bearer");
        }
        String body = problems.toJson(Problem.of(status, ProblemMapper.reason(status), detail, List.of()));
        return Uni.createFrom().completionStage(response.end(body).toCompletionStage()).replaceWith(true);
    }

    @Override
    public Set<Class<? extends AuthenticationRequest>> getCredentialTypes() {
        return Set.of(GovernorTokenRequest.class);
    }

    @Override
    public int getPriority() {
        return DEFAULT_PRIORITY + 1000; // ahead of OIDC, which must not see our secrets
    }

    private static String source(RoutingContext context) {
        return context.request().remoteAddress() == null ? "unknown" : context.request().remoteAddress().hostAddress();
    }
}
