package dev.governor.identity;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.AuthenticationRequest;
import dev.governor.api.Infrastructure;
import dev.governor.api.Problem;
import dev.governor.api.ProblemMapper;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.vertx.core.http.HttpServerResponse;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticationMechanism;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads {@code Authorization: Bearer <secret>} (or {@code X-Api-Key: <key>}). Governor's own
 * secrets are recognised by their prefix ({@code gvk_} agent key, {@code gvu_} local user);
 * any other bearer token is left to the OIDC mechanism, which runs after this one. Every
 * failure is counted per source address and credential, so one caller's bad key behind a shared
 * proxy never locks out the valid keys from the same address; a pair past the limit gets 429 with
 * Retry-After. A lookup the database could not answer is 503, and no failure: the credential may
 * be valid.
 */
@ApplicationScoped
public class GovernorAuthMechanism implements HttpAuthenticationMechanism {

    static final String API_KEY_HEADER = "X-Api-Key";
    private static final String BLOCKED = "governor.auth.blockedSeconds";
    private static final String COUNTED = "governor.auth.failureCounted";
    private static final String UNAVAILABLE = "governor.auth.lookupUnavailable";
    private static final String EXPIRED = "governor.auth.expired";
    static final String EXPIRED_TITLE = "Credential Expired";

    private final AuthFailures failures;
    private final ProblemMapper problems;

    public GovernorAuthMechanism(AuthFailures failures, ProblemMapper problems) {
        this.failures = failures;
        this.problems = problems;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(RoutingContext context, IdentityProviderManager identities) {
        String apiKey = context.request().getHeader(API_KEY_HEADER);
        String secret = presented(context);
        if (secret == null) return Uni.createFrom().nullItem(); // anonymous, or another scheme
        String source = source(context, secret);
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
                .onFailure(Infrastructure::isFault).transform(e -> {
                    context.put(UNAVAILABLE, Boolean.TRUE);
                    return new AuthenticationFailedException("the credential could not be checked", e);
                })
                .onFailure().invoke(e -> {
                    if (expired(e) != null) context.put(EXPIRED, expired(e));
                    if (context.get(UNAVAILABLE) == null) fail(context, source);
                });
    }

    /** Counts a failure once per request: ours here, the OIDC mechanism's through {@link AuthFailureCounter}. */
    void countFailure(RoutingContext context) {
        if (context.get(COUNTED) == null && context.get(BLOCKED) == null && context.get(UNAVAILABLE) == null) {
            fail(context, source(context, presented(context)));
        }
    }

    private void fail(RoutingContext context, String source) {
        context.put(COUNTED, Boolean.TRUE);
        failures.failed(source);
    }

    private Uni<SecurityIdentity> fail(String source) {
        failures.failed(source);
        return Uni.createFrom().failure(new AuthenticationFailedException("unknown API key"));
    }

    private static CredentialExpired expired(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof CredentialExpired expired) return expired;
        }
        return null;
    }

    @Override
    public Uni<ChallengeData> getChallenge(RoutingContext context) {
        if (context.get(UNAVAILABLE) != null) {
            return Uni.createFrom().item(new ChallengeData(503, "Retry-After", String.valueOf(Infrastructure.RETRY_AFTER_SECONDS)));
        }
        Long blocked = context.get(BLOCKED);
        if (blocked != null) return Uni.createFrom().item(new ChallengeData(429, "Retry-After", blocked.toString()));
        return Uni.createFrom().item(new ChallengeData(401, "WWW-Authenticate", "Bearer"));
    }

    /** Like {@link #getChallenge}, with a problem+json body, as every other refusal has. */
    @Override
    public Uni<Boolean> sendChallenge(RoutingContext context) {
        HttpServerResponse response = context.response();
        if (response.headWritten()) return Uni.createFrom().item(true);
        boolean unavailable = context.get(UNAVAILABLE) != null;
        Long blocked = unavailable ? Long.valueOf(Infrastructure.RETRY_AFTER_SECONDS) : context.get(BLOCKED);
        int status = unavailable ? 503 : blocked != null ? 429 : 401;
        String detail = unavailable
                ? "The credential could not be checked: the database did not answer in time; try again after Retry-After seconds"
                : blocked != null
                ? "Too many failed authentications with this credential from this address; try again after Retry-After seconds"
                : "Send an agent key or a bearer token: Authorization: Bearer <key or token>";
        CredentialExpired expired = unavailable || blocked != null ? null : context.get(EXPIRED);
        response.setStatusCode(status).putHeader("Content-Type", Problem.MEDIA_TYPE);
        if (blocked != null) {
            response.putHeader("Retry-After", blocked.toString());
        } else {
            // RFC 6750: an expired credential is invalid_token, so a client knows to get a new one
            response.putHeader("WWW-Authenticate", expired == null ? "Bearer"
                    : "Bearer error=\"invalid_token\", error_description=\"the credential expired\"");
        }
        Problem problem = expired == null ? Problem.of(status, ProblemMapper.reason(status), detail, List.of())
                : Problem.of(status, EXPIRED_TITLE, expired.getMessage() + "; an agent administrator issues a new key"
                        + " (POST /v1/agents/{id}/keys/rotate), or exchange the live key for a new session token",
                        Map.of("expiredAt", expired.expiredAt.toString()));
        String body = problems.toJson(problem);
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

    /** The address and a hash of the credential presented (never the credential itself). */
    private static String source(RoutingContext context, String secret) {
        String address = context.request().remoteAddress() == null ? "unknown" : context.request().remoteAddress().hostAddress();
        return address + " " + (secret == null ? "-" : Secrets.hash(secret));
    }

    /** The key or bearer token the request presents, or null. */
    private static String presented(RoutingContext context) {
        String apiKey = context.request().getHeader(API_KEY_HEADER);
        if (apiKey != null) return apiKey.strip();
        String authorization = context.request().getHeader("Authorization");
        return authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)
                ? authorization.substring(7).strip() : null;
    }
}
